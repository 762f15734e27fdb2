package dev.gatehouse.cli.archfixture;

import dev.gatehouse.http.config.ServerSettings;

/** A deliberate violation for CliLayeringTest: a CLI class other than ServeCommand using the server app. */
public final class CommandUsingTheServer {

    public int port(ServerSettings settings) {
        return settings.port();
    }
}
