package dev.gatehouse.http.api.sessions.archfixture;

/** A class of another API capability, for the layering rules' own test. */
public class SessionsFixture {
}
