package dev.gatehouse.store.json;

import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The events of an append-only JSON-lines file, read incrementally: while the file is the same
 * (same file key) and only grew, just the new whole lines are read. A file that shrank or was
 * replaced (rotated by hand) is read again from the start.
 *
 * <p>Two readers share the file. The event reader decodes whole events for queries and pages and
 * reports a damaged line. The id reader, which every append asks, only picks the {@code id} out of
 * each line (no JSON parsing for lines Gatehouse wrote), so a process that only appends (the CLI)
 * stays cheap, and a damaged line never stops the log from growing.
 */
final class AuditTail {

    /** Oldest first, ties by id: the order a walk through the whole log takes. */

    /** How every line Gatehouse writes starts; the id follows, up to the next quote. */
    private static final byte[] ID_PREFIX = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);

    private final Path path;

    // Guarded by this.
    private final Reader eventReader = new Reader();
    private final List<AuditEvent> appended = new ArrayList<>();
    private CorruptFileException firstDamage;
    private List<AuditEvent> appendedView = List.of();
    private List<AuditEvent> logOrderView = List.of();
    private final Reader idReader = new Reader();
    private final Set<String> ids = new HashSet<>();

    AuditTail(Path path) {
        this.path = path;
    }

    /** Every event in the file, oldest (first appended) first; throws if a line is damaged. */
    synchronized List<AuditEvent> events() {
        readEvents();
        if (firstDamage != null) {
            eventReader.rewind(); // it may have been fixed by hand in place: read it all again
            readEvents();
            if (firstDamage != null) {
                throw firstDamage.in(path);
            }
        }
        if (appendedView == null) {
            appendedView = List.copyOf(appended);
        }
        return appendedView;
    }

    /** Every event in {@link AuditLog#LOG_ORDER}; throws if a line is damaged. */
    synchronized List<AuditEvent> inLogOrder() {
        List<AuditEvent> events = events();
        if (logOrderView == null) {
            List<AuditEvent> sorted = new ArrayList<>(events);
            sorted.sort(AuditLog.LOG_ORDER);
            logOrderView = Collections.unmodifiableList(sorted);
        }
        return logOrderView;
    }

    /** Whether an event with this id is in the file; reads only what was appended since the last call. */
    synchronized boolean containsId(String id) {
        idReader.advance(ids::clear, this::onIdLine);
        return ids.contains(id);
    }

    private void readEvents() {
        eventReader.advance(this::onEventRewind, this::onEventLine);
    }

    private void onEventRewind() {
        appended.clear();
        firstDamage = null;
        appendedView = List.of();
        logOrderView = List.of();
    }

    private void onEventLine(byte[] bytes, int start, int end, int lineNumber) {
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (line.isBlank()) {
            return;
        }
        try {
            appended.add(AuditLines.decode(line, lineNumber));
            appendedView = null;
            logOrderView = null;
        } catch (CorruptFileException e) {
            if (firstDamage == null) {
                firstDamage = e;
            }
        }
    }

    private void onIdLine(byte[] bytes, int start, int end, int lineNumber) {
        if (startsWithIdPrefix(bytes, start, end)) {
            int from = start + ID_PREFIX.length;
            for (int i = from; i < end; i++) {
                if (bytes[i] == '"') {
                    ids.add(new String(bytes, from, i - from, StandardCharsets.UTF_8));
                    return;
                }
            }
        }
        // Written before ids existed, or by hand: decode it to learn its id; a damaged line has none.
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (!line.isBlank()) {
            try {
                ids.add(AuditLines.decode(line, lineNumber).id());
            } catch (CorruptFileException damaged) {
                // events() reports it; appends carry on
            }
        }
    }

    private static boolean startsWithIdPrefix(byte[] bytes, int start, int end) {
        if (end - start <= ID_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < ID_PREFIX.length; i++) {
            if (bytes[start + i] != ID_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /** What a reader does with one whole line: bytes {@code [start, end)}, numbered from 1. */
    @FunctionalInterface
    private interface LineHandler {
        void line(byte[] bytes, int start, int end, int lineNumber);
    }

    /** How far one reader has read the file. */
    private final class Reader {
        private Object fileKey;
        private long offset;
        private int lines;

        void rewind() {
            fileKey = null;
            offset = 0;
            lines = 0;
        }

        /** Hands every whole line added since the last call to {@code handler}, after {@code onRewind} if it starts over. */
        void advance(Runnable onRewind, LineHandler handler) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                if (offset > 0 || fileKey != null) {
                    rewind();
                    onRewind.run();
                }
                return;
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (offset == 0 || !Objects.equals(fileKey, attributes.fileKey()) || attributes.size() < offset) {
                rewind();
                onRewind.run();
                fileKey = attributes.fileKey();
            }
            if (attributes.size() == offset) {
                return;
            }
            byte[] bytes = readFrom(offset);
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                    handler.line(bytes, lineStart, i, lines);
                    lineStart = i + 1;
                }
            }
            // A line still being written (no newline yet) is left for the next read.
            offset += lineStart;
        }
    }

    private byte[] readFrom(long start) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long available = channel.size() - start;
            if (available > Integer.MAX_VALUE - 16) {
                throw new StoreException(path + " has grown past 2 GB since it was last read. Move it aside"
                        + " (for example to gatehouse-audit.1.jsonl); Gatehouse starts a new one.");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, available));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read until full or end of file
            }
            return buffer.array();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private StoreException unreadable(IOException e) {
        return new StoreException("Could not read the audit log " + path + ": " + e
                + ". Check that this user may read it.", e);
    }
}
