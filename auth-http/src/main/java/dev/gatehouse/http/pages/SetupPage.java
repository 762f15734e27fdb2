package dev.gatehouse.http.pages;

/** The first administrator's page: a form while {@code active}, else word that setup is over. */
public record SetupPage(Shell shell, boolean active) {
}
