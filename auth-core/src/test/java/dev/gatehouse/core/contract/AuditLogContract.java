package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.AuditLog.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuditLog} must have. */
public abstract class AuditLogContract {

    /** The log under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract AuditLog log();

    /** Another instance opened on the same place, as another process would. */
    protected abstract AuditLog secondInstance();

    /** An event whose id follows from its second and action, so equal calls give equal events. */
    static AuditEvent event(int second, String action, String actor, String target) {
        return new AuditEvent(String.format("ev-%04d-%s", second, action.replace('.', '-')), T0.plusSeconds(second), action, actor,
                Optional.ofNullable(target).map(Username::of), "203.0.113.9", Outcome.SUCCESS,
                Map.of("reason", "On vacation", "n", Integer.toString(second)));
    }

    @Test
    void eventsReadBackExactlyNewestFirst() {
        AuditEvent first = event(1, "user.create", "operator", "alice");
        AuditEvent second = new AuditEvent("event-0002", T0.plusSeconds(2), "auth.sign_in", "anonymous", Optional.empty(),
                "", Outcome.FAILURE, Map.of());
        log().append(first);
        log().append(second);
        assertEquals(List.of(second, first), secondInstance().query(Query.latest(10)));
    }

    @Test
    void appendingAnEventTwiceKeepsOneCopy() {
        AuditEvent once = event(1, "user.create", "operator", "alice");
        log().append(once);
        secondInstance().append(once);
        log().append(once);
        assertEquals(List.of(once), log().query(Query.latest(10)));
    }

    @Test
    void pagesWalkTheWholeLogOldestFirst() {
        AuditEvent a = event(1, "user.create", "operator", "alice");
        AuditEvent b = event(2, "user.create", "operator", "bob");
        AuditEvent c = event(2, "user.lock", "operator", "bob");
        AuditEvent d = event(3, "user.delete", "operator", "bob");
        for (AuditEvent e : List.of(d, b, a, c)) {
            log().append(e);
        }
        List<AuditEvent> ordered = new java.util.ArrayList<>(List.of(a, b, c, d));
        ordered.sort(java.util.Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id));
        List<AuditEvent> first = secondInstance().page(Optional.empty(), 2);
        List<AuditEvent> rest = secondInstance().page(Optional.of(first.get(1)), 10);
        assertEquals(ordered, java.util.stream.Stream.concat(first.stream(), rest.stream()).toList());
    }

    @Test
    void queryingByUserMatchesActorOrTarget() {
        log().append(event(1, "user.create", "operator", "alice"));
        log().append(event(2, "user.lock", "alice", "bob"));
        log().append(event(3, "user.lock", "operator", "carol"));
        List<Integer> seconds = secondInstance().query(new Query(Optional.of(Username.of("alice")), Optional.empty(), 10))
                .stream().map(e -> Integer.parseInt(e.details().get("n"))).toList();
        assertEquals(List.of(2, 1), seconds);
    }

    /** An event {@code admin} caused while acting as {@code actor}. */
    static AuditEvent impersonated(int second, String action, String actor, String admin, Outcome outcome) {
        return new AuditEvent(String.format("ev-%04d-%s", second, action.replace('.', '-')), T0.plusSeconds(second), action,
                actor, Optional.of(Username.of(actor)), "203.0.113.9", outcome, Map.of("n", Integer.toString(second)),
                Optional.of(admin));
    }

    @Test
    void anEventsImpersonatorReadsBackAndTheirNameFindsIt() {
        log().append(event(1, "impersonation.start", "bob", "alice"));
        AuditEvent asAlice = impersonated(2, "api_key.mint", "alice", "bob", Outcome.REFUSED);
        log().append(asAlice);
        log().append(event(3, "auth.sign_in", "carol", "carol"));
        assertEquals(List.of(asAlice), secondInstance().page(Optional.of(event(1, "impersonation.start", "bob", "alice")), 1));
        List<AuditEvent> bobs = secondInstance().query(new Query(Optional.of(Username.of("bob")), Optional.empty(), 10));
        assertEquals(List.of(asAlice, event(1, "impersonation.start", "bob", "alice")), bobs);
    }

    @Test
    void queryingByActionPrefixAndOutcomeNarrowsTheResult() {
        log().append(event(1, "user.create", "operator", "alice"));
        log().append(event(2, "user.lock", "operator", "alice"));
        log().append(impersonated(3, "user.password_change", "alice", "bob", Outcome.REFUSED));
        log().append(event(4, "auth.sign_in", "alice", "alice"));
        log().append(event(5, "api_keys.other", "alice", "alice"));
        log().append(event(6, "apixkey.mint", "alice", "alice"));
        AuditLog reader = secondInstance();
        assertEquals(List.of(3, 2, 1), seconds(reader.query(new Query(Optional.empty(), Optional.empty(),
                Optional.of("user."), Optional.empty(), 10))));
        assertEquals(List.of(3), seconds(reader.query(new Query(Optional.of(Username.of("alice")), Optional.empty(),
                Optional.of("user"), Optional.of(Outcome.REFUSED), 10))));
        assertEquals(List.of(4), seconds(reader.query(new Query(Optional.empty(), Optional.of(T0.plusSeconds(2)),
                Optional.of("auth.sign_in"), Optional.of(Outcome.SUCCESS), 10))));
        assertEquals(List.of(5), seconds(reader.query(new Query(Optional.empty(), Optional.empty(),
                Optional.of("api_key"), Optional.empty(), 10))), "'_' in a filter is a letter, not a wildcard");
        assertEquals(List.of(), reader.query(new Query(Optional.of(Username.of("carol")), Optional.empty(),
                Optional.empty(), Optional.empty(), 10)));
    }

    private static List<Integer> seconds(List<AuditEvent> events) {
        return events.stream().map(e -> Integer.parseInt(e.details().get("n"))).toList();
    }

    @Test
    void queryingSinceAndLimitNarrowTheResult() {
        for (int i = 1; i <= 6; i++) {
            log().append(event(i, "auth.sign_in", "alice", "alice"));
        }
        List<AuditEvent> recent = log().query(new Query(Optional.empty(), Optional.of(T0.plusSeconds(3)), 2));
        assertEquals(List.of(event(6, "auth.sign_in", "alice", "alice"), event(5, "auth.sign_in", "alice", "alice")), recent);
        assertEquals(4, log().query(new Query(Optional.empty(), Optional.of(T0.plusSeconds(3)), 100)).size());
    }

    @Test
    void concurrentAppendsAllLand() throws Exception {
        Concurrently.run(8, i -> {
            AuditLog instance = i % 2 == 0 ? log() : secondInstance();
            for (int n = 0; n < 10; n++) {
                instance.append(event(i * 10 + n, "auth.sign_in", "user" + i, "user" + i));
            }
            return null;
        });
        assertEquals(80, secondInstance().query(Query.latest(1000)).size());
    }
}
