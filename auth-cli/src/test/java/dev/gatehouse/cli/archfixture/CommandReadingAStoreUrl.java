package dev.gatehouse.cli.archfixture;

import dev.gatehouse.http.wiring.StoreUrl;

/** Allowed for CliLayeringTest: a CLI class reading a store URL with the server's one reader. */
public final class CommandReadingAStoreUrl {

    public String shown(String url) {
        return StoreUrl.parse(url, "/home/tester").toString();
    }
}
