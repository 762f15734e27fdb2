package dev.gatehouse.core.port.out;

/**
 * A store could not do its job: a file is corrupt or unreadable, a database is unreachable.
 * The message names the place (file path, database URL without password) and what to do.
 * Nothing was changed when this is thrown, with one exception the message states: a database
 * connection lost while a write was being committed, when the write may or may not have landed.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
