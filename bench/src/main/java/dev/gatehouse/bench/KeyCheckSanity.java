package dev.gatehouse.bench;

import dev.gatehouse.bench.ApiKeyCheckBenchmark.Cache;
import dev.gatehouse.bench.ApiKeyCheckBenchmark.Kind;
import dev.gatehouse.core.port.in.IdentifyCaller;

/**
 * What {@link ApiKeyCheckBenchmark} must see before it measures anything, so it cannot quietly
 * time failures or the wrong path: the answer each presented key gets, and how many lookups by
 * digest a first and a second check of it make.
 */
final class KeyCheckSanity {

    private final Kind kind;
    private final Cache cache;
    private final String[] presented;

    KeyCheckSanity(Kind kind, Cache cache, String[] presented) {
        this.kind = kind;
        this.cache = cache;
        this.presented = presented;
    }

    /** Checks every key twice through a service over {@code probe}, counting its lookups. */
    void assertLookups(IdentifyCaller service, ProbedKeyStore probe) {
        long expectedFirst = kind == Kind.BAD_CHECKSUM ? 0 : presented.length;
        long expectedAgain = kind == Kind.BAD_CHECKSUM || (kind == Kind.VALID && cache == Cache.KEPT) ? 0 : presented.length;
        long before = probe.digestLookups();
        assertAnswers(service);
        long first = probe.digestLookups() - before;
        assertAnswers(service);
        long again = probe.digestLookups() - before - first;
        if (first != expectedFirst || again != expectedAgain) {
            throw new IllegalStateException(String.format("%s keys, %s: %d first checks made %d lookups by digest"
                    + " (expected %d), checking them again made %d (expected %d); the benchmark would measure another"
                    + " path than it names.", kind, cache, presented.length, first, expectedFirst, again, expectedAgain));
        }
    }

    /** Every key gets its kind's answer; a valid key checked a moment ago is kept exactly when the cache is on. */
    void assertAnswers(IdentifyCaller service) {
        for (int i = 0; i < presented.length; i++) {
            IdentifyCaller.Result result = service.identify(presented[i]);
            boolean right = kind == Kind.VALID ? result instanceof IdentifyCaller.Identified
                    : result instanceof IdentifyCaller.Unknown;
            if (!right) {
                throw new IllegalStateException("Presented " + kind + " key " + i + " got " + result + "; expected "
                        + (kind == Kind.VALID ? "Identified" : "Unknown") + ". The seeded store or the sample is broken;"
                        + " delete bench/target/api-key-bench and run again.");
            }
        }
        boolean kept = service.kept(presented[0]).isPresent();
        if (kept != (kind == Kind.VALID && cache == Cache.KEPT)) {
            throw new IllegalStateException(kind + " key, " + cache + ": a key checked a moment ago is "
                    + (kept ? "" : "not ") + "kept, which is not what this case measures.");
        }
    }
}
