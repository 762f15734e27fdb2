package dev.gatehouse.http.forwardauth;

import dev.gatehouse.http.testing.Nginx;
import dev.gatehouse.http.testing.ProxyProcess;
import org.junit.jupiter.api.BeforeAll;

/** docs/deployment.md's two-host nginx configuration, run in Debian's nginx with Chromium. */
class SeparateAuthHostNginxIT extends SeparateAuthHostProxyTests {

    @BeforeAll
    static void needsNginx() {
        ForwardAuthProxyTests.needs(Nginx.EXECUTABLE, "install Debian's nginx-light (apt-get install nginx-light) or set GATEHOUSE_NGINX");
    }

    @Override
    ProxyProcess startProxy(int gatehousePort, int upstreamPort, String authName, String aiName) throws Exception {
        return Nginx.twoHosts(gatehousePort, upstreamPort, authName, aiName);
    }
}
