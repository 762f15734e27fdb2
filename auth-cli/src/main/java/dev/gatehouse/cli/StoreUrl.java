package dev.gatehouse.cli;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.store.json.JsonStores;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the accounts live, as given by {@code --store} or {@code GATEHOUSE_STORE}. This version
 * knows {@code json:DIR}; other stores add a record here and a branch in {@link #parse}.
 */
public sealed interface StoreUrl {

    /** The schemes this version accepts, for error messages and help. */
    String SUPPORTED = "json:DIR (a directory, e.g. json:~/.gatehouse)";

    /** Opens the stores; the caller closes them. */
    Stores open();

    /** JSON files in a directory (llms.py-compatible users.json plus Gatehouse's own files). */
    record JsonDirectory(Path dir) implements StoreUrl {
        public JsonDirectory {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public Stores open() {
            return JsonStores.open(dir);
        }

        @Override
        public String toString() {
            return "json:" + dir;
        }
    }

    /** Reads a store URL; {@code userHome} replaces a leading {@code ~}. */
    static StoreUrl parse(String text, String userHome) {
        if (text == null || text.isBlank()) {
            throw new UsageException("The store URL is empty; use " + SUPPORTED + ".");
        }
        String url = text.strip();
        Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(url);
        if (!scheme.find()) {
            throw new UsageException("'" + url + "' is not a store URL; use " + SUPPORTED + ".");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = url.substring(scheme.end());
        if (name.equals("json")) {
            if (rest.isBlank()) {
                throw new UsageException("The store URL 'json:' names no directory; use " + SUPPORTED + ".");
            }
            return new JsonDirectory(directory(rest, userHome, "--store"));
        }
        throw new UsageException("The store '" + redacted(url) + "' uses the scheme '" + name
                + "', which this version does not support; use " + SUPPORTED + ".");
    }

    /** A directory as typed, with {@code ~} expanded, made absolute. */
    static Path directory(String text, String userHome, String what) {
        String expanded = text.equals("~") ? userHome
                : text.startsWith("~/") ? userHome + text.substring(1) : text;
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("The " + what + " directory '" + text + "' is not a valid path: " + e.getReason() + ".");
        }
    }

    /** The URL with any password ({@code //user:secret@host}) hidden, so it can be printed. */
    private static String redacted(String url) {
        return url.replaceFirst("//([^/:@]*):[^/@]*@", "//$1:****@");
    }
}
