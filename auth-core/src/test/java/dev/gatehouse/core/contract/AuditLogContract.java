package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.AuditEvent.Outcome;
import dev.gatehouse.core.model.Username;
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
