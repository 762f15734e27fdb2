package dev.gatehouse.http.forwardauth;

import dev.gatehouse.http.testing.Caddy;
import dev.gatehouse.http.testing.ProxyProcess;
import org.junit.jupiter.api.BeforeAll;

/** docs/deployment.md's Caddyfile ({@code forward_auth}), run in Debian's Caddy. */
class ForwardAuthCaddyIT extends ForwardAuthProxyTests {

    @BeforeAll
    static void needsCaddy() {
        needs(Caddy.EXECUTABLE, "install Debian's caddy (apt-get install caddy) or set GATEHOUSE_CADDY");
    }

    @Override
    ProxyProcess startProxy(int gatehousePort, int upstreamPort) throws Exception {
        return new Caddy(gatehousePort, upstreamPort);
    }
}
