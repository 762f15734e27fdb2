package dev.gatehouse.http.forwardauth;

import dev.gatehouse.http.testing.Caddy;
import dev.gatehouse.http.testing.ProxyProcess;
import org.junit.jupiter.api.BeforeAll;

/** docs/deployment.md's two-host Caddyfile ({@code forward_auth}), run in Debian's Caddy with Chromium. */
class SeparateAuthHostCaddyIT extends SeparateAuthHostProxyTests {

    @BeforeAll
    static void needsCaddy() {
        ForwardAuthProxyTests.needs(Caddy.EXECUTABLE, "install Debian's caddy (apt-get install caddy) or set GATEHOUSE_CADDY");
    }

    @Override
    ProxyProcess startProxy(int gatehousePort, int upstreamPort, String authName, String aiName) throws Exception {
        return Caddy.twoHosts(gatehousePort, upstreamPort, authName, aiName);
    }
}
