package dev.gatehouse.core.contract;

import dev.gatehouse.core.model.Avatar;
import dev.gatehouse.core.model.LastLogin;
import dev.gatehouse.core.model.Role;
import dev.gatehouse.core.model.Session;
import dev.gatehouse.core.model.SessionId;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
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

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
