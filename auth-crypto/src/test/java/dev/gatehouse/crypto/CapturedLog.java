package dev.gatehouse.crypto;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the hasher logs through System.Logger (backed by java.util.logging by default). */
final class CapturedLog implements AutoCloseable {

    // Held in a field: java.util.logging forgets loggers nobody references, and our handler with them.
    private final Logger logger = Logger.getLogger(DelegatingPasswordHasher.class.getName());
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final boolean usedParentHandlers = logger.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLog() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
