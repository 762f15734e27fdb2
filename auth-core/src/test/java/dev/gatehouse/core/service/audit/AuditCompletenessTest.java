package dev.gatehouse.core.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Impersonate;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.accounts.SetUpService;
import dev.gatehouse.core.service.accounts.SetupCode;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole life of accounts, keys and an impersonation, through the use cases: every security event
 * the log promises is there with time, actor, target, address and outcome, and no secret is.
 */
class AuditCompletenessTest {

    private static final String ROOT_PASSWORD = "plum-tulip-ferry-42";
    private static final String ALICE_PASSWORD = "amber-kettle-river-9";
    private static final String ALICE_NEW_PASSWORD = "ochre-lantern-meadow-7";
    private static final String IP = "192.0.2.1";

    private final CoreFixture core = new CoreFixture();
    private final SetupCode code = SetupCode.random(SecureRandomSource.system());
    private final SetUpService setUp = new SetUpService(core.users, core.hasher, PasswordPolicy.defaults(), core.signIn,
            core.audit, core.clock, code, SignInThrottle.off());

    @Test
    void everySecurityEventIsRecordedInFullAndNoSecretIsEver() {
        List<String> secrets = new ArrayList<>(List.of(ROOT_PASSWORD, ALICE_PASSWORD, ALICE_NEW_PASSWORD, code.display()));
        SetUp.Done done = assertInstanceOf(SetUp.Done.class, setUp.setUp(new SetUp.Command(code.display(),
                Username.of("root"), Password.of(ROOT_PASSWORD), IP, "test")));
        secrets.add(done.signedIn().token());
        Actor root = Principal.ofSession(done.signedIn().user(), done.signedIn().session()).actor(IP);

        core.addUser.add(new dev.gatehouse.core.port.in.AddUser.Command(root, Username.of("alice"),
                Password.of(ALICE_PASSWORD), false));
        core.signIn(ROOT_PASSWORD, ROOT_PASSWORD); // a password typed as the username
        core.signIn("alice", ROOT_PASSWORD);
        var alice = core.signedIn("alice", ALICE_PASSWORD);
        secrets.add(alice.token());
        Actor asAlice = Principal.ofSession(alice.user(), alice.session()).actor(IP);
        core.changePassword.change(new ChangePassword.Command(asAlice, Username.of("alice"),
                Optional.of(Password.of(ALICE_PASSWORD)), Password.of(ALICE_NEW_PASSWORD), Optional.of(alice.session().id())));
        MintApiKey.Minted key = assertInstanceOf(MintApiKey.Minted.class, core.mintApiKey.mint(new MintApiKey.Command(asAlice,
                Optional.empty(), Optional.of("laptop"), Optional.empty(), Set.of())));
        secrets.add(key.secret());
        core.renameApiKey.rename(asAlice, key.key().id(), "old laptop");
        core.revokeApiKeys.revoke(asAlice, key.key().id());
        Impersonate.Started started = assertInstanceOf(Impersonate.Started.class, core.impersonate.start(
                new Impersonate.Command(root, Optional.of(done.signedIn().session()), Username.of("alice"), "test")));
        secrets.add(started.token());
        core.impersonate.stop(started.token(), IP);
        core.signOut.signOut(alice.token(), IP);
        core.lockUser.lock(root, Username.of("alice"), "away");
        core.unlockUser.unlock(root, Username.of("alice"));
        core.removeUser.remove(root, Username.of("alice"));

        List<AuditEvent> log = core.auditLog.query(AuditLog.Query.latest(1000));
        Map<String, List<AuditEvent>> byAction = log.stream().collect(Collectors.groupingBy(AuditEvent::action));
        for (String action : List.of("setup", "user.create", "auth.sign_in", "user.password_change", "api_key.mint",
                "api_key.rename", "api_key.revoke", "impersonation.start", "impersonation.stop", "auth.sign_out",
                "user.lock", "user.unlock", "user.delete")) {
            assertTrue(byAction.containsKey(action), action + " is recorded: " + byAction.keySet());
            for (AuditEvent event : byAction.get(action)) {
                assertEquals(core.clock.instant(), event.at(), action);
                assertFalse(event.actor().isBlank(), action);
                // A name no account has is not kept: it may be a password typed into the wrong field.
                boolean unknownName = "unknown user".equals(event.details().get("reason"));
                assertEquals(!unknownName, event.target().isPresent(), action + " names its target");
                assertEquals(IP, event.clientIp(), action);
            }
        }
        assertTrue(byAction.get("auth.sign_in").stream().anyMatch(e -> e.outcome() == AuditEvent.Outcome.FAILURE));
        assertTrue(byAction.get("auth.sign_in").stream().anyMatch(e -> e.outcome() == AuditEvent.Outcome.SUCCESS));
        for (AuditEvent event : log) {
            String text = event.toString();
            for (String secret : secrets) {
                assertFalse(text.contains(secret), event.action() + " holds a secret: " + text);
            }
        }
    }
}
