package dev.gatehouse.http.web.archfixture;

import dev.gatehouse.http.access.archfixture.AccessUsingWeb;

/** A deliberate violation for the layering rules' own test: web reaching up into access, in a cycle. */
public class WebUsingAccess {

    public AccessUsingWeb up;
}
