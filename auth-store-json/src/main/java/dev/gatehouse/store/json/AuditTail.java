package dev.gatehouse.store.json;

import dev.gatehouse.core.model.AuditEvent;
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
import java.util.List;
import java.util.Objects;

/**
 * The events of an append-only JSON-lines file, read incrementally: while the file is the same
 * (same file key) and only grew, just the new whole lines are parsed. A file that shrank or was
 * replaced (rotated by hand) is read again from the start.
 */
final class AuditTail {

    private record Snapshot(Object fileKey, long offset, int lines, List<AuditEvent> events) {
        static final Snapshot EMPTY = new Snapshot(null, 0, 0, List.of());
    }

    private final Path path;
    private Snapshot snapshot = Snapshot.EMPTY;

    AuditTail(Path path) {
        this.path = path;
    }

    /** Every event in the file, oldest (first appended) first. */
    synchronized List<AuditEvent> events() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            snapshot = Snapshot.EMPTY;
            return snapshot.events;
        } catch (IOException e) {
            throw unreadable(e);
        }
        Snapshot start = Objects.equals(snapshot.fileKey, attributes.fileKey())
                && attributes.size() >= snapshot.offset ? snapshot : Snapshot.EMPTY;
        if (attributes.size() == start.offset && start != Snapshot.EMPTY) {
            return start.events;
        }
        snapshot = readFrom(start, attributes.fileKey());
        return snapshot.events;
    }

    private Snapshot readFrom(Snapshot start, Object fileKey) {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long available = channel.size() - start.offset;
            if (available > Integer.MAX_VALUE - 16) {
                throw new StoreException(path + " has grown past 2 GB since it was last read. Move it aside"
                        + " (for example to gatehouse-audit.1.jsonl); Gatehouse starts a new one.");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, available));
            while (buffer.hasRemaining() && channel.read(buffer, start.offset + buffer.position()) >= 0) {
                // read until full or end of file
            }
            bytes = buffer.array();
        } catch (IOException e) {
            throw unreadable(e);
        }
        List<AuditEvent> events = new ArrayList<>(start.events);
        int lines = start.lines;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lines++;
            String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
            lineStart = i + 1;
            if (!line.isBlank()) {
                try {
                    events.add(AuditLines.decode(line, lines));
                } catch (CorruptFileException e) {
                    throw e.in(path);
                }
            }
        }
        // A line still being written (no newline yet) is left for the next read.
        return new Snapshot(fileKey, start.offset + lineStart, lines, List.copyOf(events));
    }

    private StoreException unreadable(IOException e) {
        return new StoreException("Could not read the audit log " + path + ": " + e
                + ". Check that this user may read it.", e);
    }
}
