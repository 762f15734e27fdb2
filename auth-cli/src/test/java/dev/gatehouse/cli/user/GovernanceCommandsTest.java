package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.apikeys.ApiKeyCommandsTest;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.registration.RegisterService;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.rights.AuthorizeService;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6's story as the operator runs it from the command line, across commands: a registration
 * waits and is approved, an invite is made and used, the user gets {@code chat} and
 * {@code llama-*} only, a key scoped to one model is refused for another, a role changes and back,
 * and {@code gatehouse audit} reads every step back.
 */
class GovernanceCommandsTest {

    static final String PASSWORD = "plum-tulip-ferry-42";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** Registers as the server's {@code POST /api/register} would, on the CLI's store. */
    private static Register.Result register(TestCli cli, RegistrationMode mode, String name, String email, String code) {
        Clock clock = cli.environment().clock();
        try (Stores stores = cli.openStore()) {
            return new RegisterService(stores.users(), stores.sessions(), stores.invites(), PasswordHashers.standard(),
                    PasswordPolicy.defaults(), new TokenDigests(SecureRandomSource.system(), stores.secrets()),
                    new RegistrationRules(mode, Optional.empty()), SignInThrottle.off(),
                    new AuditTrail(stores.audit(), clock), clock)
                    .register(new Register.Command(name, Password.of(PASSWORD), Optional.ofNullable(email),
                            Optional.ofNullable(code), "192.0.2.1"));
        }
    }

    /** What the server's {@code /auth/verify} decides for {@code key} and {@code model} (and a feature, if given). */
    private static Authorize.Decision check(TestCli cli, String key, String feature, String model) {
        IdentifyCaller.Identified caller = assertInstanceOf(IdentifyCaller.Identified.class, cli.identify(key));
        try (Stores stores = cli.openStore()) {
            return new AuthorizeService(stores.permissions(), FeatureCatalog.localAi()).authorize(
                    Authorize.Query.of(caller.principal(), Optional.ofNullable(feature), Optional.ofNullable(model)));
        }
    }

    private static void assertRefused(String name, Authorize.Decision decision) {
        Authorize.Denied denied = assertInstanceOf(Authorize.Denied.class, decision);
        assertEquals(name, denied.subject(), denied::toString);
        assertTrue(denied.message().contains("'" + name + "'"), denied.message());
    }

    @ParameterizedTest
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void anApprovedUserGetsChatAndLlamaAKeyForOneModelARoleAndTheAuditSaysItAll(ApiKeyCommandsTest.Store store)
            throws Exception {
        TestCli cli = new TestCli(home, store == ApiKeyCommandsTest.Store.JSON);
        cli.addUser("admin", "--admin");

        TestCli.Run invited = cli.run("invite", "create", "--email", "carol@example.org");
        assertEquals(0, invited.exitCode(), invited::toString);
        Matcher link = Pattern.compile("/register\\?invite=(inv_\\w+)").matcher(invited.out());
        assertTrue(link.find(), invited.out());
        assertInstanceOf(Register.Registered.class, register(cli, RegistrationMode.INVITE, "carol",
                "carol@example.org", link.group(1)));
        assertTrue(cli.run("invite", "list").out().contains("carol"));

        Register.Registered alice = assertInstanceOf(Register.Registered.class,
                register(cli, RegistrationMode.APPROVAL, "alice", null, null));
        assertTrue(alice.pending());
        assertInstanceOf(SignIn.AwaitingApproval.class, cli.signIn("alice", PASSWORD));
        assertEquals(0, cli.run("user", "approve", "alice").exitCode());
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", PASSWORD));

        String others = FeatureCatalog.localAi().names().stream().filter(f -> !f.equals("chat"))
                .collect(Collectors.joining(","));
        TestCli.Run rights = cli.run("user", "permissions", "alice", "--disable", others, "--enable", "chat",
                "--models", "llama-*");
        assertEquals(0, rights.exitCode(), rights::toString);
        assertTrue(rights.out().strip().endsWith("models: llama-*"), rights.out());

        TestCli.Run minted = cli.run("token", "create", "--username", "alice", "--scope", "models:llama-3", "--json");
        assertEquals(0, minted.exitCode(), minted::toString);
        String key = JSON.readTree(minted.out()).path("key").asText();
        assertInstanceOf(Authorize.Allowed.class, check(cli, key, "chat", "llama-3"));
        assertRefused("mistral", check(cli, key, "chat", "mistral"));
        assertRefused("llama-3.1", check(cli, key, null, "llama-3.1"));
        assertRefused("images", check(cli, key, "images", null));

        assertEquals(0, cli.run("user", "role", "alice", "admin").exitCode());
        assertRefused("mistral", check(cli, key, null, "mistral"));
        assertInstanceOf(Authorize.Allowed.class, check(cli, key, "images", "llama-3"), "an administrator has every feature");
        assertEquals(0, cli.run("user", "role", "alice", "user").exitCode());
        assertRefused("images", check(cli, key, "images", null));

        TestCli.Run log = cli.run("audit", "--user", "alice", "--json");
        assertEquals(0, log.exitCode(), log::toString);
        List<String> actions = new ArrayList<>();
        for (String line : log.out().lines().toList()) {
            JsonNode event = JSON.readTree(line);
            actions.add(event.path("action").asText());
            if (!event.path("action").asText().startsWith("auth.")) {
                assertEquals("alice", event.path("target").asText(), line);
            }
        }
        assertEquals(List.of("user.register", "auth.sign_in", "user.approve", "auth.sign_in", "user.permissions", "api_key.mint",
                "user.role_change", "user.role_change"), actions, log.out());
        assertFalse(log.out().contains(PASSWORD) || log.out().contains(key) || log.out().contains(link.group(1)),
                "no password, key or invite code in the log: " + log.out());
        assertTrue(cli.run("audit", "--json").out().contains("\"invite.use\""), "carol's invite use is logged");

        List<String> users = cli.run("audit", "--user", "alice", "--action", "user.").out().lines().skip(1).toList();
        assertEquals(5, users.size(), String.join("\n", users));
        assertTrue(users.get(0).contains("user.role_change") && users.get(4).contains("user.register"), users.toString());
        assertTrue(users.stream().noneMatch(line -> line.contains("api_key.") || line.contains("auth.")), users.toString());
    }
}
