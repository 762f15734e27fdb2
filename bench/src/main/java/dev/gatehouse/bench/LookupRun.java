package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Calls one lookup from N threads for a fixed time, each thread with its own random choice of
 * existing keys, and counts the calls: first a warm-up of the same length (not counted).
 */
final class LookupRun {

    private LookupRun() {
    }

    /** Lookups per second: {@code lookup} gets a random index in [0, bound). */
    static double perSecond(int threads, int bound, long millis, IntConsumer lookup) throws InterruptedException {
        run(threads, bound, millis, lookup);
        return run(threads, bound, millis, lookup);
    }

    private static double run(int threads, int bound, long millis, IntConsumer lookup) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] counts = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(31L * thread + System.nanoTime());
                try {
                    start.await();
                    long deadline = window[1];
                    long n = 0;
                    while ((n & 15) != 0 || System.nanoTime() < deadline) {
                        lookup.accept(random.nextInt(bound));
                        n++;
                    }
                    counts[thread] = n;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "lookup-" + t);
            workers.add(worker);
            worker.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + millis * 1_000_000L;
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - window[0];
        if (failure.get() != null) {
            throw new IllegalStateException("a lookup failed", failure.get());
        }
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total * 1e9 / elapsed;
    }
}
