package dev.gatehouse.core.service.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Concurrently;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitesTest {

    @Test
    void anInviteCodeIsShownOnceAndStoredOnlyAsItsDigest() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        CreateInvite.Created created = f.invite("Zoe@Example.org", 3, Duration.ofDays(2));
        assertTrue(InviteCodes.looksValid(created.code()), created.code());
        assertTrue(created.code().startsWith("inv_"));
        Invite stored = f.invites.list().get(0);
        assertEquals(f.core.tokens.digest(created.code()), stored.digest());
        assertFalse(stored.toString().contains(created.code()));
        assertEquals(created.code().substring(0, 10), stored.displayPrefix());
        assertEquals(3, stored.maxUses());
        assertEquals(Optional.of("Zoe@example.org"), stored.email());
        assertEquals(f.core.clock.instant().plus(Duration.ofDays(2)), stored.expiresAt());
        assertEquals("operator", stored.createdBy());
        assertEquals("invite.create", f.core.auditLog.all().get(0).action());
        assertFalse(f.core.auditLog.all().toString().contains(created.code()));
    }

    @Test
    void invitesLastSevenDaysForOnePersonUnlessToldOtherwise() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        f.createInvite.create(new CreateInvite.Command(Actor.operator(), Optional.empty(), Optional.empty(), Optional.empty()));
        Invite stored = f.invites.list().get(0);
        assertEquals(1, stored.maxUses());
        assertEquals(f.core.clock.instant().plus(Duration.ofDays(7)), stored.expiresAt());
    }

    @Test
    void onlyAdministratorsCreateListAndRevokeInvites() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        f.core.add("root", "amber-kettle-river-9", true);
        f.core.add("user", "amber-kettle-river-9", false);
        Actor user = f.core.actorFor("user");
        assertInstanceOf(Refused.class, f.createInvite.create(new CreateInvite.Command(user, Optional.empty(),
                Optional.empty(), Optional.empty())));
        assertInstanceOf(Refused.class, f.listInvites.list(user));
        Invite invite = f.invite(null, 1, Duration.ofDays(1)).invite();
        assertInstanceOf(Refused.class, f.revokeInvite.revoke(user, invite.id()));
        Actor admin = f.core.actorFor("root");
        assertEquals(List.of(invite), ((ListInvites.Listed) f.listInvites.list(admin)).invites());
        assertInstanceOf(dev.gatehouse.core.port.in.RevokeInvite.Revoked.class, f.revokeInvite.revoke(admin, invite.id()));
        assertTrue(f.core.auditLog.all().stream().anyMatch(e -> e.action().equals("invite.revoke")
                && e.actor().equals("root")));
    }

    @Test
    void impossibleInvitesAreRefusedWithTheValue() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        Refused noUses = (Refused) f.createInvite.create(new CreateInvite.Command(Actor.operator(), Optional.empty(),
                Optional.of(0), Optional.empty()));
        assertTrue(noUses.message().contains("not 0"), noUses.message());
        Refused tooLong = (Refused) f.createInvite.create(new CreateInvite.Command(Actor.operator(), Optional.empty(),
                Optional.empty(), Optional.of(Duration.ofDays(400))));
        assertTrue(tooLong.message().contains("400d"), tooLong.message());
        assertInstanceOf(Refused.class, f.createInvite.create(new CreateInvite.Command(Actor.operator(),
                Optional.of("nobody"), Optional.empty(), Optional.empty())));
        assertEquals(List.of(), f.invites.list());
    }

    @Test
    void ofConcurrentRegistrationsWithASingleUseInviteExactlyOneSucceeds() throws Exception {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        String code = f.code();
        List<Register.Result> results = Concurrently.run(8, i -> f.register("racer" + i, null, code));
        assertEquals(1, results.stream().filter(r -> r instanceof Register.Registered).count(), results.toString());
        assertEquals(1, f.core.users.count());
        assertEquals(1, f.invites.list().get(0).uses().size());
    }

    @Test
    void codesAreRecognisedByShapeAndChecksum() {
        String code = InviteCodes.newCode(dev.gatehouse.core.port.out.SecureRandomSource.system());
        assertEquals(InviteCodes.LENGTH, code.length());
        assertTrue(InviteCodes.looksValid(code));
        char last = code.charAt(code.length() - 1);
        assertFalse(InviteCodes.looksValid(code.substring(0, code.length() - 1) + (last == 'a' ? 'b' : 'a')));
        assertFalse(InviteCodes.looksValid("gate_" + code.substring(4)));
        assertFalse(InviteCodes.looksValid(null));
    }
}
