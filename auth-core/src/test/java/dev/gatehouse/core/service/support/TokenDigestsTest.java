package dev.gatehouse.core.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenDigestsTest {

    private final InMemorySecretKeyStore keys = new InMemorySecretKeyStore();
    private final TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), keys);

    @Test
    void aDigestIsTheHmacSha256OfTheTokenUnderTheStoredKey() throws Exception {
        String token = tokens.newToken();
        String digest = tokens.digest(token);

        byte[] key = keys.getOrCreate(TokenDigests.KEY_NAME, () -> {
            throw new AssertionError("the key should exist after the first digest");
        });
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8))), digest);
    }

    @Test
    void aTokenHasOneDigestHoweverOftenAndOnWhicheverThreadItIsDigested() throws Exception {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sample.add(tokens.newToken());
        }
        List<String> expected = sample.stream().map(tokens::digest).toList();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    List<String> digests = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        digests = sample.stream().map(tokens::digest).toList();
                    }
                    return digests;
                }));
            }
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void differentTokensHaveDifferentDigests() {
        assertNotEquals(tokens.digest(tokens.newToken()), tokens.digest(tokens.newToken()));
    }
}
