package dev.gatehouse.core.service.accounts.archfixture;

import dev.gatehouse.core.service.sessions.archfixture.SessionsUsingAccounts;

/** A deliberate cycle between two capabilities of one layer, for the layering rules' own test. */
public class AccountsUsingSessions {

    public SessionsUsingAccounts sessions;
}
