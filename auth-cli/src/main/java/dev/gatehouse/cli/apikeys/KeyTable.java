package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.TextColumns;
import dev.gatehouse.cli.support.UserTable;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** API keys as people read them: one row per key, never the key itself. */
final class KeyTable {

    static final String[] HEADINGS = {"ID", "NAME", "USER", "PREFIX", "CREATED", "EXPIRES", "LAST USED", "STATUS"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;
    private final Instant now;

    KeyTable(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** A table with a heading row, columns separated by two spaces. */
    List<String> table(List<ApiKey> keys) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (ApiKey key : keys) {
            rows.add(new String[] {key.id().value(), key.name(), key.owner().value(), prefix(key),
                    date(key.createdAt()), key.expiresAt().map(this::date).orElse("never"),
                    key.lastUsedAt().map(at -> Times.ago(at, now)).orElse("never"), key.status(now)});
        }
        return TextColumns.lines(rows);
    }


    /** The display prefix with an ellipsis, so nobody takes it for a whole key. */
    static String prefix(ApiKey key) {
        return key.displayPrefix().isEmpty() ? "-" : key.displayPrefix() + "...";
    }

    private String date(Instant at) {
        return DATE.format(at.atZone(zone));
    }
}
