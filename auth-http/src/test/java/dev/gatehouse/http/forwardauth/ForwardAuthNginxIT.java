package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.http.testing.Nginx;
import dev.gatehouse.http.testing.ProxyProcess;
import dev.gatehouse.http.testing.RunningServer;
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

    @Test
    void theImagesLocationRefusesAUserWithoutTheFeatureAndAModelScopedKeyOtherModels() throws Exception {
        String key = gatehouse.mintKey("alice").secret();
        java.net.http.HttpRequest.Builder images = get("/v1/images/generations").header("Authorization", "Bearer " + key);
        assertEquals(200, send(images).statusCode(), this::diagnose);
        gatehouse.cli.permissions().put(dev.gatehouse.core.model.accounts.Username.of("alice"),
                new dev.gatehouse.core.model.rights.Permissions(java.util.Map.of("images", false),
                        dev.gatehouse.core.model.rights.ModelAccess.everything()));
        java.net.http.HttpResponse<String> refused = send(get("/v1/images/generations")
                .header("Authorization", "Bearer " + key).header("X-Gatehouse-Feature", "chat"));
        assertEquals(403, refused.statusCode(), this::diagnose);
        assertEquals("feature", RunningServer.json(refused).path("refused").asText(), refused.body());
        assertEquals(200, send(get("/v1/models").header("Authorization", "Bearer " + key)).statusCode(), this::diagnose);

        String llama = gatehouse.mintKey("alice", java.util.Set.of("models:llama-3")).secret();
        java.net.http.HttpResponse<String> mistral = send(get("/v1/chat/completions?model=mistral")
                .header("Authorization", "Bearer " + llama).header("X-Gatehouse-Model", "llama-3"));
        assertEquals(403, mistral.statusCode(), this::diagnose);
        assertEquals("model", RunningServer.json(mistral).path("refused").asText(), mistral.body());
        assertEquals(200, send(get("/v1/chat/completions?model=llama-3").header("Authorization", "Bearer " + llama))
                .statusCode(), this::diagnose);
    }
}
