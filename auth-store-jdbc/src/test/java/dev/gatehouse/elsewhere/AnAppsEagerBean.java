package dev.gatehouse.elsewhere;

import io.micronaut.context.annotation.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for the beans of the app that opens a store (the server's, a library user's): built at
 * the start of any context that sees it. StoreIsolationTest checks the store's context never does.
 */
@Context
public class AnAppsEagerBean {

    public static final AtomicInteger BUILT = new AtomicInteger();

    public AnAppsEagerBean() {
        BUILT.incrementAndGet();
    }
}
