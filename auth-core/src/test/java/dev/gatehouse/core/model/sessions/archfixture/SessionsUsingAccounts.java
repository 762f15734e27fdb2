package dev.gatehouse.core.model.sessions.archfixture;

import dev.gatehouse.core.model.accounts.archfixture.AccountsUsingSessions;

/** The other half of {@link AccountsUsingSessions}'s cycle. */
public class SessionsUsingAccounts {

    public AccountsUsingSessions accounts;
}
