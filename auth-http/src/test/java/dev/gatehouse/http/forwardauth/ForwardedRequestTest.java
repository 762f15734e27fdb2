package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code /auth/verify} checks of a forwarded request: every feature and model anything names,
 * so neither a client's own headers nor a second {@code model} field nor an odd spelling of the
 * path gets a request past a check.
 */
class ForwardedRequestTest {

    private final ForwardedRequest forwarded = new ForwardedRequest(AccessRules.defaults(), new RequestModel());

    private static MutableHttpRequest<?> request(String... headers) {
        MutableHttpRequest<?> request = HttpRequest.POST("/auth/verify", "");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private ForwardedRequest.Wanted wanted(String contentType, String body, String... headers) {
        MutableHttpRequest<?> request = request(headers);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return forwarded.wanted(request, ForwardedOrigin.of(request), body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFeatureHeaderAddsACheckAndNeverReplacesTheRoutes() {
        ForwardedRequest.Wanted wanted = wanted(null, null, "X-Gatehouse-Feature", "chat",
                "X-Forwarded-Uri", "/v1/images/generations");
        assertEquals(Set.of("chat", "images"), wanted.features());
    }

    @Test
    void aModelHeaderAddsACheckAndNeverReplacesTheBodysModel() {
        ForwardedRequest.Wanted wanted = wanted("application/json", "{\"model\": \"gpt-4\"}",
                "X-Gatehouse-Model", "llama-3", "X-Forwarded-Uri", "/v1/chat/completions?model=mistral");
        assertEquals(Set.of("llama-3", "gpt-4", "mistral"), wanted.models());
    }

    @Test
    void everyModelKeyOfAJsonBodyCountsWhateverItsCase() {
        assertEquals(Set.of("llama-3", "gpt-4"), wanted("application/json",
                "{\"model\": \"llama-3\", \"messages\": [{\"model\": \"x\"}], \"model\": \"gpt-4\"}").models());
        assertEquals(Set.of("gpt-4"), wanted("application/json", "{\"MODEL\": \"gpt-4\"}").models());
        assertEquals(Set.of("gpt-4"), wanted(null, "{\"Model\": \"gpt-4\"}").models());
    }

    @Test
    void aJsonModelThatIsNotTextOrAJsonBodyThatCannotBeReadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> wanted("application/json", "{\"model\": [\"gpt-4\"]}"));
        assertThrows(IllegalArgumentException.class, () -> wanted("application/json", "{\"model\": \"gpt-4\""));
        assertEquals(Set.of(), wanted("audio/wav", "RIFF....WAVE").models(), "a body of another kind names no model");
    }

    @Test
    void everyModelFieldOfAFormCountsWithItsNameDecoded() {
        assertEquals(Set.of("llama-3", "gpt-4"), wanted("application/x-www-form-urlencoded",
                "model=llama-3&mod%65l=gpt-4").models());
        assertEquals(Set.of("llama-3", "gpt-4"), wanted(null, null,
                "X-Forwarded-Uri", "/v1/chat/completions?model=llama-3&model=gpt-4").models());
    }

    @Test
    void multipartFieldsAreReadPartByPartWithBareOrEncodedNames() {
        String type = "multipart/form-data; boundary=XyZ";
        String fakeInFile = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                + "Content-Disposition: form-data; name=\"model\"\r\n\r\nllama-3\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n--XyZ--\r\n";
        assertEquals(Set.of("whisper-1"), wanted(type, fakeInFile).models());
        String bare = "--XyZ\r\nContent-Disposition: form-data; name=model\r\n\r\nwhisper-1\r\n--XyZ--\r\n";
        assertEquals(Set.of("whisper-1"), wanted(type, bare).models());
        String encoded = "--XyZ\r\ncontent-disposition: form-data; name*=utf-8''mod%65l\r\n\r\nwhisper-1\r\n--XyZ--\r\n";
        assertEquals(Set.of("whisper-1"), wanted(type, encoded).models());
        String quoted = "--XyZ\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Disposition: form-data; name=\"model\"\r\n\r\nwhisper=2D1\r\n--XyZ--\r\n";
        assertThrows(IllegalArgumentException.class, () -> wanted(type, quoted));
    }

    @Test
    void thePathIsReadAsAServerWouldRouteItWhateverItsSpelling() {
        for (String uri : new String[] {"/V1/Images/Generations", "http://ai.example/v1/images/generations",
                "/v1/chat/%2e%2e/images/generations", "/v1/chat/..%2Fimages/generations", "/v1\\images\\generations",
                "/v1/x/../images/generations%7B", "//v1//./images/generations/?x=1"}) {
            assertEquals(Set.of("images"), wanted(null, null, "X-Forwarded-Uri", uri).features(), uri);
        }
    }

    @Test
    void aModelIsNotSeenWhenAPostNamesNoneItsBodyIsUnclearOrItsRouteHidesIt() {
        String[] chatPost = {"X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/chat/completions"};
        assertTrue(wanted("application/json", "{\"messages\": []}", chatPost).modelUnseen(), "LocalAI picks one");
        assertTrue(wanted(null, null, chatPost).modelUnseen(), "the body was not forwarded");
        assertTrue(wanted(null, null, "X-Forwarded-Method", "POST", "X-Forwarded-Uri",
                "/v1/chat/completions?model=llama-3").modelUnseen(), "a body the check did not get wins over the query");
        assertFalse(wanted(null, null, "X-Gatehouse-Model", "llama-3", "X-Forwarded-Method", "POST",
                "X-Forwarded-Uri", "/v1/chat/completions").modelUnseen(), "the proxy named the model");
        assertTrue(wanted("application/xml", "<r><model>llama-3</model></r>", chatPost).modelUnseen());
        assertTrue(wanted("text/plain", "{\"model\": \"llama-3\"} x", chatPost).modelUnseen(), "broken JSON");
        assertTrue(wanted(null, null, "X-Forwarded-Uri", "/v1/realtime?model=llama-3").modelUnseen());
        assertFalse(wanted("text/plain", "{\"model\": \"llama-3\"}", chatPost).modelUnseen());
        assertEquals(Set.of("llama-3"), wanted("text/plain", "{\"model\": \"llama-3\"}", chatPost).models(),
                "JSON whatever the label");
        assertFalse(wanted(null, null, "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/audio/voices").modelUnseen());
    }

    @Test
    void onlyARouteRuleMatchesARequestNeverAFeatureHeader() {
        assertEquals(java.util.Optional.of(AccessRules.Unmatched.RESTRICTED),
                wanted(null, null, "X-Gatehouse-Feature", "chat", "X-Forwarded-Uri", "/v1/threads").unmatched());
        assertEquals(java.util.Optional.of(AccessRules.Unmatched.RESTRICTED), wanted(null, null).unmatched(), "no path");
        assertEquals(java.util.Optional.empty(), wanted(null, null, "X-Forwarded-Uri", "/v1/models").unmatched());
        assertTrue(wanted(null, null, "X-Forwarded-Uri", "/models/apply").adminOnly());
    }
}
