package dev.gatehouse.http.access;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The one rule for where a request's caller and rights are decided: on the event loop, from what
 * core keeps in memory (a key or session checked a moment ago that still holds, a user's settings
 * read a moment ago, a static key, text that cannot be a key), when that answers; otherwise on the
 * blocking pool, where the store may be read. Nothing here reads the store on the event loop, and
 * nothing goes to the pool that memory could answer: at tens of thousands of checks a second the
 * hop costs more than the check.
 */
@Singleton
public class MemoryFirst {

    /** A decision that may be tried from memory first. */
    @FunctionalInterface
    public interface Attempt<T> {

        /**
         * The answer. With {@code mayBlock} false nothing may read the store: empty when only the
         * store can answer. With {@code mayBlock} true it is never empty.
         */
        Optional<T> answer(boolean mayBlock);
    }

    private final ExecutorService blocking;

    MemoryFirst(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    /** The answer at once when memory has it, else from the blocking pool. */
    public <T> CompletableFuture<T> answer(Attempt<T> attempt) {
        Optional<T> kept = attempt.answer(false);
        if (kept.isPresent()) {
            return CompletableFuture.completedFuture(kept.get());
        }
        return CompletableFuture.supplyAsync(() -> attempt.answer(true)
                .orElseThrow(() -> new IllegalStateException("a blocking attempt gave no answer")), blocking);
    }
}
