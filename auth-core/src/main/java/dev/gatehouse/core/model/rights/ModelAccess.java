package dev.gatehouse.core.model.rights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which models a user may use: all of them, or only those an allow-list names. Each entry is a
 * model name or a glob ({@code *} any run of characters, {@code ?} one character), matched
 * case-sensitively against the whole name: {@code llama-*} allows {@code llama-3} but not
 * {@code Llama-3}. An empty allow-list allows no model.
 */
public record ModelAccess(boolean all, List<String> patterns) {

    /** The most entries one allow-list may hold. */
    public static final int MAX_PATTERNS = 100;
    /** What one entry may look like: 1 to 200 visible ASCII characters, no comma (lists are written comma-separated). */
    public static final Pattern PATTERN = Pattern.compile("[\\x21-\\x2b\\x2d-\\x7e]{1,200}");

    private static final ModelAccess ALL = new ModelAccess(true, List.of());

    public ModelAccess {
        Objects.requireNonNull(patterns, "patterns");
        if (all && !patterns.isEmpty()) {
            throw new IllegalArgumentException("Access to all models takes no list of models.");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("At most " + MAX_PATTERNS + " models or patterns may be listed; "
                    + patterns.size() + " were given.");
        }
        List<String> checked = new ArrayList<>();
        for (String pattern : new LinkedHashSet<>(patterns)) {
            String stripped = pattern == null ? "" : pattern.strip();
            if (!PATTERN.matcher(stripped).matches()) {
                throw new IllegalArgumentException("'" + stripped.replaceAll("\\p{Cntrl}", "?") + "' is not a model"
                        + " name or pattern; use 1 to 200 visible characters without spaces or commas, with * and ?"
                        + " as wildcards (e.g. llama-* or mistral-7b).");
            }
            if (!checked.contains(stripped)) {
                checked.add(stripped);
            }
        }
        patterns = Collections.unmodifiableList(checked);
    }

    /** Every model. */
    public static ModelAccess everything() {
        return ALL;
    }

    /** Only the models these names and patterns match. */
    public static ModelAccess only(List<String> patterns) {
        return new ModelAccess(false, patterns);
    }

    /** {@code all}, or comma-separated names and patterns, as the CLI and the forms take them. */
    public static ModelAccess parse(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.equalsIgnoreCase("all") || stripped.equals("*")) {
            return ALL;
        }
        return only(stripped.isEmpty() ? List.of()
                : List.of(stripped.split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList());
    }

    /** True if {@code model} may be used. */
    public boolean allows(String model) {
        if (all) {
            return true;
        }
        for (String pattern : patterns) {
            if (globMatches(pattern, model)) {
                return true;
            }
        }
        return false;
    }

    /** {@code all}, {@code none}, or the entries comma-separated: how lists and the audit log show it. */
    public String describe() {
        return all ? "all" : patterns.isEmpty() ? "none" : String.join(",", patterns);
    }

    /** True if {@code glob} ({@code *} and {@code ?} wildcards) matches the whole of {@code text}, case-sensitively. */
    public static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
