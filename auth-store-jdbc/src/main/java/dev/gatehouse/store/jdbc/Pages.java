package dev.gatehouse.store.jdbc;

/** Checks on page sizes, so a bad limit is a clear error rather than a database's. */
final class Pages {

    private Pages() {
    }

    static void check(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least 1 entry; the limit was " + limit + ".");
        }
    }
}
