package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.http.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser-differential corpus ({@code src/test/resources/forward-bodies/}, one file a case):
 * bodies that name a model the way some AI server reads it (JSON under any label, duplicate and
 * odd-case keys, forms, multipart spellings Go's parser reads, XML), posted to {@code /auth/verify}
 * as a proxy forwards them. A user limited to llama-3 is refused (403) or told the body cannot be
 * checked (400) whenever the body may name anything else, or names no model; never let through. A
 * user with every model is not bothered by bodies that are merely unclear.
 *
 * <p>A case file: {@code # what it is about}, then {@code content-type:}, {@code content-encoding:} (sent as is), {@code uri:} (default
 * {@code /v1/chat/completions}), {@code newline:} ({@code crlf}, the default, {@code lf}, or
 * {@code raw}: the body's bytes as written), {@code limited:} and {@code unlimited:} (the status
 * each user gets), a line {@code ===}, and the body, where {@code \xHH} is the byte HH.
 */
class ForwardBodyCorpusTest {

    static final String PASSWORD = "plum-tulip-ferry-42";
    static RunningServer app;
    static String limitedKey;
    static String unlimitedKey;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer(s -> s);
        app.addAdmin("root", PASSWORD);
        app.addUser("lima", PASSWORD);
        app.addUser("una", PASSWORD);
        app.cli.permissions().put(Username.of("lima"), new Permissions(Map.of(), ModelAccess.only(List.of("llama-3"))));
        limitedKey = app.mintKey("lima").secret();
        unlimitedKey = app.mintKey("una").secret();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One case of the corpus. */
    record Case(String name, String about, String contentType, String contentEncoding, String uri, int limited,
                int unlimited, byte[] body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(ForwardBodyCorpusTest.class.getResource("/forward-bodies").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Case> cases = files.filter(f -> f.toString().endsWith(".txt")).sorted().map(ForwardBodyCorpusTest::read)
                    .toList();
            assertTrue(cases.size() >= 60, "the corpus is there: " + cases.size());
            return cases.stream();
        }
    }

    private static Case read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int split = text.indexOf("\n===\n");
            Map<String, String> head = new LinkedHashMap<>();
            for (String line : text.substring(0, split).split("\n")) {
                int colon = line.indexOf(':');
                head.put(line.startsWith("#") ? "about" : line.substring(0, colon).strip(),
                        line.startsWith("#") ? line.substring(1).strip() : line.substring(colon + 1).strip());
            }
            String body = text.substring(split + 5, text.length() - 1);
            String newline = head.getOrDefault("newline", "crlf");
            if (!newline.equals("raw")) {
                body = body.replace("\n", newline.equals("lf") ? "\n" : "\r\n");
            }
            String name = file.getFileName().toString().replace(".txt", "");
            return new Case(name, head.get("about"), head.get("content-type"), head.get("content-encoding"),
                    head.getOrDefault("uri", "/v1/chat/completions"), Integer.parseInt(head.get("limited")),
                    Integer.parseInt(head.get("unlimited")), bytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e, e);
        }
    }

    /** The text as UTF-8, with each {@code \xHH} the byte HH. */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.writeBytes(String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static HttpResponse<String> verify(String key, Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(app.origin() + "/auth/verify"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()))
                .header("Authorization", "Bearer " + key)
                .header("X-Forwarded-Method", "POST")
                .header("X-Forwarded-Uri", c.uri());
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.contentEncoding() != null) {
            request.header("Content-Encoding", c.contentEncoding());
        }
        return app.send(request.build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBodyThatMayNameAnotherModelNeverPassesForAUserLimitedToOne(Case c) {
        HttpResponse<String> answer = verify(limitedKey, c);
        assertEquals(c.limited(), answer.statusCode(), c.about() + " " + answer.body());
        if (c.limited() != 200) {
            assertTrue(List.of(400, 403).contains(answer.statusCode()), c.about());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aUserWithEveryModelIsNotBotheredByUnclearBodies(Case c) {
        HttpResponse<String> answer = verify(unlimitedKey, c);
        assertEquals(c.unlimited(), answer.statusCode(), c.about() + " " + answer.body());
    }
}
