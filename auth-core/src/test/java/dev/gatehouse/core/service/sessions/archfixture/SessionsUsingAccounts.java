package dev.gatehouse.core.service.sessions.archfixture;

import dev.gatehouse.core.service.accounts.archfixture.AccountsUsingSessions;

/** The other half of {@link AccountsUsingSessions}'s cycle. */
public class SessionsUsingAccounts {

    public AccountsUsingSessions accounts;
}
