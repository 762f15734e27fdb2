package dev.gatehouse.http.api.accounts.archfixture;

import dev.gatehouse.http.api.sessions.archfixture.SessionsFixture;
import dev.gatehouse.http.pages.archfixture.PageFixture;
import dev.gatehouse.store.json.JsonStores;

/** Deliberate violations for the layering rules' own test: an API capability using another, a page and an adapter. */
public class AccountsReachingAcross {

    public SessionsFixture otherCapability;
    public PageFixture page;
    public JsonStores adapter;
}
