package dev.gatehouse.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

    private static final Instant T = Instant.parse("2026-01-10T09:00:00.123456Z");
    private static final String DIGEST = "ab".repeat(32);

    @Test
    void usernamesAreTrimmedAndCaseSensitive() {
        assertEquals("Alice", Username.of("  Alice ").value());
        assertFalse(Username.of("alice").equals(Username.of("Alice")));
    }

    @Test
    void usernamesRefuseWhatWouldBreakPathsLogsOrEyes() {
        for (String bad : new String[] {"", "   ", "a/b", "a\\b", "a\nb", ".", "..", "admin\u200B", "x".repeat(65)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Username.of(bad), bad);
            assertFalse(refused.getMessage().isBlank());
        }
        assertEquals("élodie.o'brien@example", Username.of("élodie.o'brien@example").value());
    }

    @Test
    void passwordsNeverPrintAndRefuseHalfCharacters() {
        assertEquals("Password[******]", Password.of("hunter22").toString());
        assertThrows(IllegalArgumentException.class, () -> Password.of("a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> Password.of("a\uDC00b"));
        assertEquals("p\uD83D\uDD11ss", Password.of("p\uD83D\uDD11ss").value());
        assertThrows(IllegalArgumentException.class, () -> Password.of("x".repeat(Password.MAX_LENGTH + 1)));
    }

    @Test
    void lockReasonsAreOneBoundedLine() {
        UserStatus.Locked locked = new UserStatus.Locked("On vacation\nuntil March\r\n", Optional.empty());
        assertEquals("On vacation until March", locked.reason());
        assertEquals("Account suspended", new UserStatus.Locked("  ", Optional.empty()).reason());
        assertEquals(UserStatus.MAX_REASON_LENGTH, new UserStatus.Locked("x".repeat(500), Optional.empty()).reason().length());
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        User user = User.create(Username.of("a"), "h", java.util.Set.of(), T);
        assertEquals(Instant.parse("2026-01-10T09:00:00.123Z"), user.createdAt());
        assertTrue(user.roles().contains(Role.USER));
    }

    @Test
    void sessionsRefuseNonsense() {
        SessionId id = new SessionId("abcdefgh");
        Username alice = Username.of("alice");
        assertThrows(IllegalArgumentException.class, () -> new Session(id, "", alice, T, T, T.plusSeconds(1), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Session(id, DIGEST, alice, T, T, T, "", ""));
        Session ok = new Session(id, DIGEST, alice, T, T, T.plusSeconds(60), "1".repeat(600), null);
        assertEquals(512, ok.clientIp().length());
        assertEquals("", ok.userAgent());
        assertThrows(IllegalArgumentException.class, () -> new SessionId("short"));
    }

    @Test
    void aSessionExpiresAtItsEndOrWhenIdleWhicheverIsFirst() {
        Session session = new Session(new SessionId("abcdefgh"), DIGEST, Username.of("a"), T, T,
                T.plus(Duration.ofDays(30)), "", "");
        Duration idle = Duration.ofDays(7);
        assertFalse(session.isExpired(T.plus(Duration.ofDays(7)).minusMillis(1), idle));
        assertTrue(session.isExpired(T.plus(Duration.ofDays(7)), idle));
        Session active = session.withLastSeenAt(T.plus(Duration.ofDays(29)));
        assertFalse(active.isExpired(T.plus(Duration.ofDays(30)).minusMillis(1), idle));
        assertTrue(active.isExpired(T.plus(Duration.ofDays(30)), idle));
    }

    @Test
    void auditEventsNeedAnIdAndAPlainAction() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent("bad id!", T, "user.create", "x",
                Optional.empty(), "", AuditEvent.Outcome.SUCCESS, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(T, "User Create", "x",
                Optional.empty(), "", AuditEvent.Outcome.SUCCESS, Map.of()));
        AuditEvent a = new AuditEvent(T, "user.create", "x", Optional.empty(), "", AuditEvent.Outcome.SUCCESS, Map.of());
        AuditEvent b = new AuditEvent(T, "user.create", "x", Optional.empty(), "", AuditEvent.Outcome.SUCCESS, Map.of());
        assertFalse(a.id().equals(b.id()));
    }

    @Test
    void avatarsCompareByTheirBytesAndNeverPrintThem() {
        Avatar one = new Avatar(Username.of("alice"), "image/png", new byte[] {1, 2, 3}, T);
        Avatar same = new Avatar(Username.of("alice"), " IMAGE/PNG ", new byte[] {1, 2, 3}, T.plusNanos(100));
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertFalse(one.equals(new Avatar(Username.of("alice"), "image/png", new byte[] {1, 2, 4}, T)));
        assertEquals("Avatar[alice, image/png, 3 bytes, 2026-01-10T09:00:00.123Z]", one.toString());
    }

    @Test
    void avatarsCopyTheirBytesInAndOut() {
        byte[] image = {1, 2, 3};
        Avatar avatar = new Avatar(Username.of("alice"), "image/gif", image, T);
        image[0] = 9;
        avatar.image()[1] = 9;
        assertEquals(java.util.List.of((byte) 1, (byte) 2, (byte) 3),
                java.util.List.of(avatar.image()[0], avatar.image()[1], avatar.image()[2]));
    }

    @Test
    void avatarsRefuseOtherTypesEmptyAndOversizedImages() {
        Username alice = Username.of("alice");
        assertThrows(IllegalArgumentException.class, () -> new Avatar(alice, "image/svg+xml", new byte[1], T));
        assertThrows(IllegalArgumentException.class, () -> new Avatar(alice, "image/png", new byte[0], T));
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> new Avatar(alice, "image/png", new byte[Avatar.MAX_BYTES + 1], T));
        assertTrue(large.getMessage().contains("1048577 bytes"), large.getMessage());
        assertEquals(Avatar.MAX_BYTES, new Avatar(alice, "image/webp", new byte[Avatar.MAX_BYTES], T).size());
    }
}
