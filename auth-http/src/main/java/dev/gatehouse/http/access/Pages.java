package dev.gatehouse.http.access;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

/** The few pages the access layer answers itself, before any controller or template runs. */
public final class Pages {

    private Pages() {
    }

    public static HttpResponse<String> adminsOnly() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Admins only · Gatehouse</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/assets/gatehouse.css"></head>
                <body><main class="narrow"><h1>Administrators only</h1>
                <p>Only administrators can open this page. Ask one to give you the Admin role.</p>
                <p><a href="/account">Back to My Account</a></p></main></body></html>
                """);
    }
}
