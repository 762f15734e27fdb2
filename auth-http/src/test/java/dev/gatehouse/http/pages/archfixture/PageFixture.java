package dev.gatehouse.http.pages.archfixture;

/** A page class, for the layering rules' own test. */
public class PageFixture {
}
