package dev.gatehouse.http.ops;

import dev.gatehouse.core.port.out.Stores;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the server keeps, in Prometheus' text format: responses by status, sign-in outcomes,
 * accounts in the store, heap and uptime. Cheap to update on every request (no locks).
 */
@Singleton
public class Metrics {

    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> signIns = new ConcurrentHashMap<>();
    private final Stores stores;

    Metrics(Stores stores) {
        this.stores = stores;
    }

    void response(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** {@code outcome}: success, invalid_credentials, account_locked, account_pending, throttled. */
    public void signIn(String outcome) {
        signIns.computeIfAbsent(outcome, s -> new LongAdder()).increment();
    }

    /** The exposition text for {@code GET /metrics}. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP gatehouse_http_responses_total HTTP responses by status code.\n")
                .append("# TYPE gatehouse_http_responses_total counter\n");
        new TreeMap<>(responses).forEach((status, count) -> out.append("gatehouse_http_responses_total{status=\"")
                .append(status).append("\"} ").append(count.sum()).append('\n'));
        out.append("# HELP gatehouse_sign_ins_total Password sign-in attempts by outcome.\n")
                .append("# TYPE gatehouse_sign_ins_total counter\n");
        new TreeMap<>(signIns).forEach((outcome, count) -> out.append("gatehouse_sign_ins_total{outcome=\"")
                .append(outcome).append("\"} ").append(count.sum()).append('\n'));
        out.append("# HELP gatehouse_users Accounts in the store.\n# TYPE gatehouse_users gauge\n")
                .append("gatehouse_users ").append(stores.users().count()).append('\n');
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append("# HELP jvm_heap_used_bytes Heap in use.\n# TYPE jvm_heap_used_bytes gauge\n")
                .append("jvm_heap_used_bytes ").append(heap.getUsed()).append('\n');
        out.append("# HELP process_uptime_seconds Time since the process started.\n# TYPE process_uptime_seconds gauge\n")
                .append("process_uptime_seconds ").append(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0).append('\n');
        return out.toString();
    }
}
