package dev.gatehouse.http.pages;

/** A page that only says something, such as why the caller may not see what they asked for. */
public record MessagePage(Shell shell, String heading, String message) {
}
