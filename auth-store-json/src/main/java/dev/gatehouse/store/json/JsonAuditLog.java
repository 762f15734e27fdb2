package dev.gatehouse.store.json;

import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit log as JSON lines in gatehouse-audit.jsonl. Appends take the directory lock, so lines
 * from several processes never interleave or overwrite each other, and an event whose id is
 * already in the file is not written again; reads parse only what was appended since the last one.
 */
final class JsonAuditLog implements AuditLog {

    static final String FILE_NAME = "gatehouse-audit.jsonl";

    private final StoreDirectory directory;
    private final Path path;
    private final AuditTail tail;

    JsonAuditLog(StoreDirectory directory) {
        this.directory = directory;
        this.path = directory.resolve(FILE_NAME);
        this.tail = new AuditTail(path);
    }

    @Override
    public void append(AuditEvent event) {
        byte[] line = AuditLines.encode(Objects.requireNonNull(event, "event"));
        directory.locked(() -> {
            // Under the lock, so an append from another process cannot slip in between check and write.
            if (tail.containsId(event.id())) {
                return null;
            }
            try (FileChannel channel = FileChannel.open(path, FilePermissions.readWriteOptions(),
                    FilePermissions.ownerOnlyAttributes())) {
                // A crash mid-append can leave a line without its newline; end it so ours stays whole.
                long end = channel.size();
                ByteBuffer buffer = ByteBuffer.wrap(endsWithNewline(channel, end) ? line : withNewline(line));
                while (buffer.hasRemaining()) {
                    channel.write(buffer, end + buffer.position());
                }
                channel.force(false);
            } catch (IOException e) {
                throw new StoreException("Could not append to the audit log " + path + ": " + e
                        + ". Check free disk space and that this user may write to " + directory + ".", e);
            }
            return null;
        });
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        if (size == 0) {
            return true;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static byte[] withNewline(byte[] line) {
        byte[] bytes = new byte[line.length + 1];
        bytes[0] = '\n';
        System.arraycopy(line, 0, bytes, 1, line.length);
        return bytes;
    }

    @Override
    public List<AuditEvent> page(Optional<AuditEvent> after, int limit) {
        return Pages.after(tail.inLogOrder(), Function.identity(), LOG_ORDER, after, limit);
    }

    @Override
    public List<AuditEvent> query(Query query) {
        List<AuditEvent> events = new ArrayList<>(tail.events());
        Collections.reverse(events); // among events of the same instant, the later appended first
        return events.stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(AuditEvent::at).reversed())
                .limit(query.limit())
                .toList();
    }
}
