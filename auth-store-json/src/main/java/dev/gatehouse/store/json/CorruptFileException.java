package dev.gatehouse.store.json;

import dev.gatehouse.core.port.out.StoreException;
import java.nio.file.Path;

/**
 * The content of a store file is not what it must be. The message is a phrase that follows the
 * file's path ("is not valid JSON at line 3, column 14: ..."); {@link StoreFile} adds the path and
 * the advice and turns it into core's {@code StoreException}.
 */
final class CorruptFileException extends RuntimeException {

    CorruptFileException(String problem) {
        super(problem);
    }

    CorruptFileException(String problem, Throwable cause) {
        super(problem, cause);
    }

    /** Core's exception, naming the file, the problem and what to do. */
    StoreException in(Path file) {
        return new StoreException(file + " " + getMessage()
                + ". Gatehouse left it untouched; restore it from a backup or fix it by hand.", this);
    }
}
