package dev.gatehouse.http.api.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Avatars: only real images, re-encoded to a small PNG, shown to signed-in users, a drawn initial otherwise. */
class AvatarTest {

    /** A 1×1 lossless WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    static RunningServer app;
    static String cookie;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addUser("admin", "correct horse battery");
        app.addUser("alice", "correct horse battery");
        cookie = SessionCookie.NAME + "=" + RunningServer.token(app.login("alice", "correct horse battery"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<byte[]> upload(String type, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.origin() + "/api/me/avatar"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type)
                .header("Origin", app.origin()).header("Cookie", cookie).build();
        return sendBytes(request);
    }

    private static HttpResponse<byte[]> avatarOf(String name) {
        return sendBytes(HttpRequest.newBuilder(URI.create(app.origin() + "/api/users/" + name + "/avatar"))
                .header("Cookie", cookie).build());
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aPngIsCroppedShrunkAndReencodedAndNothingAfterTheImageSurvives() throws Exception {
        byte[] png = picture("png", 800, 600);
        byte[] withPayload = Arrays.copyOf(png, png.length + 40);
        System.arraycopy("<script>alert('hidden payload')</script>".getBytes(StandardCharsets.US_ASCII), 0,
                withPayload, png.length, 40);
        HttpResponse<byte[]> answer = upload("image/png", withPayload);
        assertEquals(200, answer.statusCode(), text(answer));
        assertTrue(text(answer).matches("\\{\"avatar\":\"/api/users/alice/avatar\\?v=\\d+\"}"), text(answer));

        HttpResponse<byte[]> shown = avatarOf("alice");
        assertEquals("image/png", shown.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(shown.body()));
        assertEquals(256, stored.getWidth());
        assertEquals(256, stored.getHeight());
        assertFalse(new String(shown.body(), StandardCharsets.ISO_8859_1).contains("hidden payload"));
        String etag = shown.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = sendBytes(HttpRequest.newBuilder(URI.create(app.origin() + "/api/users/alice/avatar"))
                .header("Cookie", cookie).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
    }

    @Test
    void jpegGifAndWebpAreTakenToo() throws Exception {
        assertEquals(200, upload("image/jpeg", picture("jpg", 64, 64)).statusCode());
        assertEquals(200, upload("image/gif", picture("gif", 64, 64)).statusCode());
        HttpResponse<byte[]> webp = upload("image/webp", WEBP);
        assertEquals(200, webp.statusCode(), text(webp));
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(avatarOf("alice").body()));
        assertEquals(1, stored.getWidth(), "small pictures are not blown up");
    }

    @Test
    void otherTypesLiesAndBrokenImagesAreRefusedWithoutChangingTheAvatar() throws Exception {
        upload("image/png", picture("png", 32, 32));
        byte[] before = avatarOf("alice").body();

        HttpResponse<byte[]> svg = upload("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes());
        assertEquals(415, svg.statusCode());
        assertTrue(text(svg).contains("\"error\":\"unsupported_image\""), text(svg));
        HttpResponse<byte[]> lie = upload("image/png", picture("jpg", 32, 32));
        assertEquals(400, lie.statusCode());
        assertTrue(text(lie).contains("is a image/jpeg image but was sent as image/png"), text(lie));
        byte[] png = picture("png", 64, 64);
        HttpResponse<byte[]> truncated = upload("image/png", Arrays.copyOf(png, 60));
        assertEquals(400, truncated.statusCode());
        assertTrue(text(truncated).contains("\"error\":\"bad_image\""), text(truncated));
        assertEquals(400, upload("image/png", hugeHeaderPng()).statusCode(), "pixel bombs are refused from the header");
        HttpResponse<byte[]> tooBig = upload("image/png", new byte[AvatarImages.MAX_UPLOAD_BYTES + 1]);
        assertEquals(413, tooBig.statusCode());

        assertArrayEquals(before, avatarOf("alice").body());
    }

    @Test
    void withoutAnUploadTheAvatarIsADrawnInitialAndUnknownNamesLookTheSame() {
        HttpResponse<byte[]> initial = avatarOf("admin");
        assertEquals(200, initial.statusCode());
        assertEquals("image/svg+xml", initial.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(text(initial).contains(">A</text>"), text(initial));
        HttpResponse<byte[]> anonymous = sendBytes(HttpRequest.newBuilder(
                URI.create(app.origin() + "/api/users/admin/avatar")).build());
        assertEquals(401, anonymous.statusCode(), "avatars are for signed-in users");
    }

    @Test
    void aUserCannotTellWhichUsernamesExistFromAvatars() throws Exception {
        app.addUser("anna", "correct horse battery");
        String anna = SessionCookie.NAME + "=" + RunningServer.token(app.login("anna", "correct horse battery"));
        HttpResponse<byte[]> uploaded = sendBytes(HttpRequest.newBuilder(URI.create(app.origin() + "/api/me/avatar"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(picture("png", 32, 32))).header("Content-Type", "image/png")
                .header("Origin", app.origin()).header("Cookie", anna).build());
        assertEquals(200, uploaded.statusCode(), () -> text(uploaded));

        // alice (no administrator) asks for anna (an upload), admin (none) and ann (no such user): one shape.
        HttpResponse<byte[]> withUpload = avatarOf("anna");
        HttpResponse<byte[]> withoutUpload = avatarOf("admin");
        HttpResponse<byte[]> nobody = avatarOf("ann");
        for (HttpResponse<byte[]> answer : List.of(withUpload, withoutUpload, nobody)) {
            assertEquals(200, answer.statusCode());
            assertEquals("image/svg+xml", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("private, no-cache", answer.headers().firstValue("Cache-Control").orElseThrow());
            assertTrue(answer.headers().firstValue("ETag").orElseThrow().startsWith("\"initial-"));
        }
        // Their owner and administrators see uploads.
        HttpResponse<byte[]> own = sendBytes(HttpRequest.newBuilder(URI.create(app.origin() + "/api/users/anna/avatar"))
                .header("Cookie", anna).build());
        assertEquals("image/png", own.headers().firstValue("Content-Type").orElseThrow());
        String admin = SessionCookie.NAME + "=" + RunningServer.token(app.login("admin", "correct horse battery"));
        HttpResponse<byte[]> byAdmin = sendBytes(HttpRequest.newBuilder(
                URI.create(app.origin() + "/api/users/anna/avatar")).header("Cookie", admin).build());
        assertEquals("image/png", byAdmin.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void removingTheAvatarBringsTheInitialBack() throws Exception {
        upload("image/png", picture("png", 32, 32));
        HttpResponse<byte[]> removed = sendBytes(HttpRequest.newBuilder(URI.create(app.origin() + "/api/me/avatar"))
                .DELETE().header("Origin", app.origin()).header("Cookie", cookie).build());
        assertEquals(204, removed.statusCode());
        assertEquals("image/svg+xml", avatarOf("alice").headers().firstValue("Content-Type").orElseThrow());
    }

    /** A PNG whose header claims 100000×100000 pixels. */
    private static byte[] hugeHeaderPng() throws Exception {
        byte[] png = picture("png", 8, 8);
        ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
