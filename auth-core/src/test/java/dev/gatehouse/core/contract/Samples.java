package dev.gatehouse.core.contract;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Example users, sessions and avatars for the contract suites. */
public final class Samples {

    /** A fixed instant with a millisecond part, so stores that drop milliseconds fail. */
    public static final Instant T0 = Instant.parse("2025-03-15T10:30:00.123Z");

    private Samples() {
    }

    public static User user(String name) {
        return User.create(Username.of(name), "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                EnumSet.of(Role.USER), T0);
    }

    /** A user with every optional field set. */
    public static User fullUser(String name) {
        return new User(Username.of(name), Optional.of("00112233445566778899aabbccddeeff:"
                + "82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe"),
                EnumSet.of(Role.ADMIN), UserStatus.locked("On vacation until March", T0.plusSeconds(60)),
                T0, Optional.of(new LastLogin(T0.plusSeconds(30), "192.0.2.7")));
    }

    public static Session session(String user, Instant createdAt) {
        String id = HexFormat.of().formatHex(randomBytes(8));
        String digest = HexFormat.of().formatHex(randomBytes(32));
        return new Session(new SessionId(id), digest, Username.of(user), createdAt, createdAt,
                createdAt.plus(Duration.ofDays(30)), "198.51.100.4", "curl/8.0");
    }

    /** An avatar of {@code size} random bytes, updated at {@link #T0}. */
    public static Avatar avatar(String user, String mediaType, int size) {
        return new Avatar(Username.of(user), mediaType, randomBytes(size), T0);
    }

    /** A small PNG-typed avatar (the bytes are random: stores never decode images). */
    public static Avatar avatar(String user) {
        return avatar(user, "image/png", 300);
    }

    /** A minted key of {@code owner} with a random id and digest, no expiry, scopes or use yet. */
    public static ApiKey apiKey(String owner, Instant createdAt) {
        String id = randomBase62(16);
        return new ApiKey(new ApiKeyId(id), Username.of(owner), owner + "-key", HexFormat.of().formatHex(randomBytes(32)),
                "gate_" + id.substring(0, 7), createdAt, Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                ApiKey.Origin.MINTED, Optional.empty());
    }

    /** A minted key with every optional field set: expiry, last use, scopes and revocation. */
    public static ApiKey fullApiKey(String owner) {
        ApiKey plain = apiKey(owner, T0);
        return new ApiKey(plain.id(), plain.owner(), "CI runner – déploiement", plain.digest(),
                plain.displayPrefix(), T0, Optional.of(T0.plus(Duration.ofDays(90))),
                Optional.of(T0.plusSeconds(3600)), Set.of("chat", "models:llama-*", "embeddings"),
                Optional.of(T0.plusSeconds(7200)), ApiKey.Origin.MINTED, Optional.empty());
    }

    /** A key imported from llmux: no digest, checked by its secret's hash. */
    public static ApiKey importedApiKey(String owner) {
        String id = randomBase62(14) + "-_";
        return new ApiKey(new ApiKeyId(id), Username.of(owner), "llmux " + id, "", "sas_" + id.substring(0, 8), T0,
                Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), ApiKey.Origin.IMPORTED,
                Optional.of("llmux-sha256:6oZqdX5MOLq/qBJ8vppAnT4fk6AP8UiP9zX8+Rev/9A="));
    }

    /** A key imported from a system that kept it in plain text (llmux v1): found by its digest. */
    public static ApiKey importedPlainKey(String owner) {
        ApiKey plain = apiKey(owner, T0);
        return new ApiKey(plain.id(), plain.owner(), "llmux v1", plain.digest(), "", T0, Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), ApiKey.Origin.IMPORTED, Optional.empty());
    }

    private static String randomBase62(int n) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
