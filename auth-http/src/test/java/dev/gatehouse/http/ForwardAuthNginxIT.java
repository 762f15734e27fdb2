package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/deployment.md's nginx configuration ({@code auth_request}), run in Debian's nginx. */
class ForwardAuthNginxIT extends ForwardAuthProxyTests {

    @BeforeAll
    static void needsNginx() {
        needs(Nginx.EXECUTABLE, "install Debian's nginx-light (apt-get install nginx-light) or set GATEHOUSE_NGINX");
    }

    @Override
    ProxyProcess startProxy(int gatehousePort, int upstreamPort) throws Exception {
        return new Nginx(gatehousePort, upstreamPort);
    }

    @Test
    void theCheckItselfIsInternalToNginx() throws Exception {
        assertEquals(404, send(get("/_gatehouse/verify")).statusCode(), this::diagnose);
    }
}
