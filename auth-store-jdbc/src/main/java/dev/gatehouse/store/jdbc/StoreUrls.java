package dev.gatehouse.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns store URLs into {@link JdbcSettings}, and hides passwords in URLs shown to people. */
final class StoreUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private StoreUrls() {
    }

    static boolean accepts(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("sqlite:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://")
                || lower.startsWith("jdbc:sqlite:") || lower.startsWith("jdbc:postgresql:");
    }

    static JdbcSettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The store URL is empty. Use " + JdbcSettings.ACCEPTED_FORMS + ".");
        }
        String given = url.strip();
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqliteJdbc(given);
        }
        if (lower.startsWith("sqlite:")) {
            return sqlitePath(given, given.substring("sqlite:".length()));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new JdbcSettings(Database.POSTGRESQL, given, "", "", mask(given));
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return postgres(given, given.substring(given.indexOf("://") + 3));
        }
        String hint = lower.startsWith("json:") ? " json: URLs are opened by the JSON store." : "";
        throw invalid(given, "is not a store URL the JDBC store opens." + hint);
    }

    private static JdbcSettings sqliteJdbc(String given) {
        String rest = given.substring("jdbc:sqlite:".length());
        if (rest.isBlank()) {
            throw invalid(given, "names no database file.");
        }
        if (rest.startsWith(":memory:") || rest.contains("mode=memory")) {
            // Every pooled connection would get its own empty database, and the CLI's vanishes on exit.
            throw invalid(given, "is an in-memory database, which Gatehouse cannot share between its connections"
                    + " or keep; use a file.");
        }
        return new JdbcSettings(Database.SQLITE, "jdbc:sqlite:" + given.substring("jdbc:sqlite:".length()), "", "", given);
    }

    private static JdbcSettings sqlitePath(String given, String path) {
        if (path.isBlank()) {
            throw invalid(given, "names no database file.");
        }
        if (path.contains("?")) {
            throw invalid(given, "has a '?' in its path; to pass SQLite options, use a jdbc:sqlite: URL.");
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return JdbcSettings.sqlite(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(given, "names an impossible file path: " + e.getReason() + ".");
        }
    }

    /** postgres://user:pass@host:port/db?params, the form libpq and most tools use. */
    private static JdbcSettings postgres(String given, String rest) {
        int question = rest.indexOf('?');
        String head = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question);
        int at = head.lastIndexOf('@');
        String userInfo = at < 0 ? "" : head.substring(0, at);
        String hostAndPath = head.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hostPort = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String databaseName = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        if (hostPort.isBlank()) {
            throw invalid(given, "names no host.");
        }
        if (databaseName.isBlank()) {
            throw invalid(given, "names no database; add /DATABASE after the host and port.");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(given, colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(given, userInfo.substring(colon + 1));
        String jdbcUrl = "jdbc:postgresql://" + hostPort + "/" + databaseName + query;
        return new JdbcSettings(Database.POSTGRESQL, jdbcUrl, user, password, mask(given));
    }

    /** Percent-decoding as in URLs' user info: '+' stays '+'. */
    private static String decode(String given, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(given, "has a broken percent-encoding in the user or password"
                            + " (write a '%' as %25).");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by ****, for messages and logs. */
    static String mask(String url) {
        String masked = maskUserInfo(url);
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    /**
     * Hides {@code user:PASSWORD@} the way the parser splits it: the password runs from the first
     * ':' after "//" to the LAST '@' before any '?', so a password holding '@', '/' or ':' is
     * hidden whole.
     */
    private static String maskUserInfo(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        int query = url.indexOf('?', start);
        int end = url.lastIndexOf('@', query < 0 ? url.length() : query);
        if (end < start) {
            return url;
        }
        int colon = url.indexOf(':', start + 3);
        if (colon < 0 || colon > end) {
            return url;
        }
        return url.substring(0, colon + 1) + "****" + url.substring(end);
    }

    private static IllegalArgumentException invalid(String given, String problem) {
        return new IllegalArgumentException("The store URL '" + mask(given) + "' " + problem
                + " Use " + JdbcSettings.ACCEPTED_FORMS + ".");
    }

    /** The file behind a jdbc:sqlite: URL; empty for in-memory databases. */
    static Optional<Path> sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int question = rest.indexOf('?');
        String name = question < 0 ? rest : rest.substring(0, question);
        if (name.isEmpty() || name.equals(":memory:") || name.startsWith(":resource:")) {
            return Optional.empty();
        }
        if (name.startsWith("file:")) {
            if (rest.contains("mode=memory")) {
                return Optional.empty();
            }
            URI uri = URI.create(name);
            String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
            return path == null || path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path).toAbsolutePath());
        }
        return Optional.of(Path.of(name).toAbsolutePath());
    }
}
