package dev.gatehouse.http.access.archfixture;

import dev.gatehouse.http.web.archfixture.WebUsingAccess;

/** The other half of {@link WebUsingAccess}'s cycle. */
public class AccessUsingWeb {

    public WebUsingAccess down;
}
