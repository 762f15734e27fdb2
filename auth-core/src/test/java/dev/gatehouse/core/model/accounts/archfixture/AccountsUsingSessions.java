package dev.gatehouse.core.model.accounts.archfixture;

import dev.gatehouse.core.model.sessions.archfixture.SessionsUsingAccounts;

/** A deliberate cycle between two capabilities of one layer, for the layering rules' own test. */
public class AccountsUsingSessions {

    public SessionsUsingAccounts sessions;
}
