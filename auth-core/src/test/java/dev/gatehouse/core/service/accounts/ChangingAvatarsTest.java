package dev.gatehouse.core.service.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.ChangeAvatar;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangingAvatarsTest {

    private static final Username ALICE = Username.of("alice");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final CoreFixture core = new CoreFixture();

    @BeforeEach
    void usersExist() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
    }

    private ChangeAvatar.Changed changed(ChangeAvatar.Result result) {
        return assertInstanceOf(ChangeAvatar.Changed.class, result);
    }

    private Refused refused(ChangeAvatar.Result result) {
        return assertInstanceOf(Refused.class, result);
    }

    private AuditEvent lastEvent() {
        List<AuditEvent> all = core.auditLog.all();
        return all.get(all.size() - 1);
    }

    @Test
    void aUserSetsTheirOwnAvatarAndTheChangeIsAudited() {
        Avatar avatar = changed(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", PNG)).avatar().orElseThrow();

        assertEquals(Optional.of(avatar), core.avatars.find(ALICE));
        assertArrayEquals(PNG, avatar.image());
        assertEquals("image/png", avatar.mediaType());
        AuditEvent event = lastEvent();
        assertEquals("avatar.change", event.action());
        assertEquals("alice", event.actor());
        assertEquals(Optional.of(ALICE), event.target());
        assertEquals(AuditEvent.Outcome.SUCCESS, event.outcome());
        assertEquals(Map.of("media_type", "image/png", "bytes", "7"), event.details());
    }

    @Test
    void theAvatarIsStampedWithTheClocksTimeToTheMillisecond() {
        core.clock.advance(Duration.ofNanos(1_234_567));
        Avatar avatar = changed(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", PNG)).avatar().orElseThrow();
        assertEquals(Instant.parse("2026-01-10T09:00:00.001Z"), avatar.updatedAt());
    }

    @Test
    void settingAgainReplacesTheAvatarAlsoWithAnotherType() {
        core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", PNG);
        core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/webp", new byte[] {7, 7});
        Avatar stored = core.avatars.find(ALICE).orElseThrow();
        assertEquals("image/webp", stored.mediaType());
        assertArrayEquals(new byte[] {7, 7}, stored.image());
    }

    @Test
    void anAdministratorChangesAnyonesAvatarAndSoDoesTheOperator() {
        changed(core.changeAvatar.set(core.actorFor("admin"), ALICE, "image/gif", PNG));
        changed(core.changeAvatar.set(Actor.operator(), Username.of("bob"), "image/jpeg", PNG));
        assertEquals("image/gif", core.avatars.find(ALICE).orElseThrow().mediaType());
        assertEquals("admin", core.auditLog.all().stream().filter(e -> e.action().equals("avatar.change"))
                .findFirst().orElseThrow().actor());
        changed(core.changeAvatar.remove(core.actorFor("admin"), ALICE));
        assertEquals(Optional.empty(), core.avatars.find(ALICE));
    }

    @Test
    void aUserCannotChangeOrRemoveSomeoneElsesAvatar() {
        core.changeAvatar.set(core.actorFor("bob"), Username.of("bob"), "image/png", PNG);

        Refused set = refused(core.changeAvatar.set(core.actorFor("alice"), Username.of("bob"), "image/png", new byte[] {1}));
        assertEquals(Refused.Reason.NOT_ALLOWED, set.reason());
        assertEquals(AuditEvent.Outcome.REFUSED, lastEvent().outcome());
        Refused removed = refused(core.changeAvatar.remove(core.actorFor("alice"), Username.of("bob")));
        assertEquals(Refused.Reason.NOT_ALLOWED, removed.reason());
        assertEquals("avatar.remove", lastEvent().action());

        assertArrayEquals(PNG, core.avatars.find(Username.of("bob")).orElseThrow().image());
    }

    @Test
    void someoneNotSignedInCannotSetAnyAvatar() {
        Refused refused = refused(core.changeAvatar.set(Actor.anonymous("192.0.2.9"), ALICE, "image/png", PNG));
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertEquals(Optional.empty(), core.avatars.find(ALICE));
    }

    @Test
    void anAvatarForAUserWhoDoesNotExistIsNotFound() {
        Username ghost = Username.of("ghost");
        assertEquals(Refused.Reason.NOT_FOUND, refused(core.changeAvatar.set(Actor.operator(), ghost, "image/png", PNG)).reason());
        assertEquals(Refused.Reason.NOT_FOUND, refused(core.changeAvatar.remove(Actor.operator(), ghost)).reason());
        assertEquals(Optional.empty(), core.avatars.find(ghost));
    }

    @Test
    void anImageOfAnotherTypeIsRefusedAsInvalidWithTheTypesAccepted() {
        Refused refused = refused(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/svg+xml", PNG));
        assertEquals(Refused.Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("'image/svg+xml'") && refused.message().contains("image/webp"),
                refused.message());
        assertEquals(Optional.empty(), core.avatars.find(ALICE));
    }

    @Test
    void anEmptyOrTooLargeImageIsRefusedAsInvalid() {
        Refused empty = refused(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", new byte[0]));
        assertEquals(Refused.Reason.INVALID, empty.reason());
        Refused large = refused(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png",
                new byte[Avatar.MAX_BYTES + 1]));
        assertEquals(Refused.Reason.INVALID, large.reason());
        assertTrue(large.message().contains((Avatar.MAX_BYTES + 1) + " bytes"), large.message());
        changed(core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", new byte[Avatar.MAX_BYTES]));
    }

    @Test
    void removingTheAvatarLeavesNoneAndIsAudited() {
        core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", PNG);
        ChangeAvatar.Changed removed = changed(core.changeAvatar.remove(core.actorFor("alice"), ALICE));
        assertEquals(Optional.empty(), removed.avatar());
        assertEquals(Optional.empty(), core.avatars.find(ALICE));
        assertEquals("avatar.remove", lastEvent().action());
        assertEquals(AuditEvent.Outcome.SUCCESS, lastEvent().outcome());
    }

    @Test
    void removingAnAvatarThatIsNotThereChangesAndAuditsNothing() {
        int events = core.auditLog.all().size();
        assertEquals(Optional.empty(), changed(core.changeAvatar.remove(core.actorFor("alice"), ALICE)).avatar());
        assertEquals(events, core.auditLog.all().size());
    }

    @Test
    void deletingAUserRemovesTheirAvatar() {
        core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", PNG);
        core.changeAvatar.set(core.actorFor("bob"), Username.of("bob"), "image/png", PNG);

        assertInstanceOf(RemoveUser.Removed.class, core.removeUser.remove(core.actorFor("admin"), ALICE));

        assertEquals(Optional.empty(), core.avatars.find(ALICE));
        assertTrue(core.avatars.find(Username.of("bob")).isPresent());
        assertEquals("true", lastEvent().details().get("avatar_removed"));
    }

    @Test
    void theCallersArrayIsNotKept() {
        byte[] image = PNG.clone();
        core.changeAvatar.set(core.actorFor("alice"), ALICE, "image/png", image);
        image[0] = 0;
        assertArrayEquals(PNG, core.avatars.find(ALICE).orElseThrow().image());
    }
}
