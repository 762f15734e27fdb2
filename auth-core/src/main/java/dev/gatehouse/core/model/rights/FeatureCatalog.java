package dev.gatehouse.core.model.rights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The features an operator offers (chat, images, ...), each on or off for users who have no
 * setting of their own. The default is LocalAI's list: everything on except agents, skills,
 * collections and mcp_jobs.
 */
public record FeatureCatalog(Map<String, Boolean> defaults) {

    /** A feature's name: a lower-case word, {@code _} between parts, at most 40 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private static final FeatureCatalog LOCALAI = parse("chat,images,audio_speech,audio_transcription,vad,detection,"
            + "video,embeddings,sound,realtime,rerank,tokenize,mcp,stores,agents:off,skills:off,collections:off,"
            + "mcp_jobs:off");

    public FeatureCatalog {
        Objects.requireNonNull(defaults, "defaults");
        if (defaults.isEmpty()) {
            throw new IllegalArgumentException("The feature list is empty; name at least one feature (e.g. chat).");
        }
        Map<String, Boolean> copy = new LinkedHashMap<>();
        defaults.forEach((name, on) -> copy.put(checkedName(name), Objects.requireNonNull(on, "default of " + name)));
        defaults = Collections.unmodifiableMap(copy);
    }

    /** LocalAI's features and defaults. */
    public static FeatureCatalog localAi() {
        return LOCALAI;
    }

    /**
     * Comma-separated names, each on by default unless followed by {@code :off}
     * ({@code chat,images,agents:off}), as {@code GATEHOUSE_FEATURES} takes them.
     */
    public static FeatureCatalog parse(String text) {
        Map<String, Boolean> defaults = new LinkedHashMap<>();
        for (String entry : Objects.requireNonNull(text, "text").split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon).strip();
            String state = colon < 0 ? "on" : item.substring(colon + 1).strip();
            if (!state.equals("on") && !state.equals("off")) {
                throw new IllegalArgumentException("'" + item + "' in the feature list: after the colon write on or off"
                        + " (e.g. agents:off).");
            }
            defaults.put(checkedName(name), state.equals("on"));
        }
        return new FeatureCatalog(defaults);
    }

    /** Checks that {@code name} looks like a feature's name, naming the rule if not. */
    public static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + String.valueOf(name).replaceAll("\\p{Cntrl}", "?")
                    + "' is not a feature name; use a lower-case word, with _ between parts (e.g. audio_speech).");
        }
        return name;
    }

    public boolean knows(String feature) {
        return defaults.containsKey(feature);
    }

    /** On or off for a user with no setting of their own; {@code false} for features not in the catalog. */
    public boolean defaultOf(String feature) {
        return defaults.getOrDefault(feature, false);
    }

    public Set<String> names() {
        return defaults.keySet();
    }

    /** The names comma-separated, for messages that list what is known. */
    public String known() {
        return String.join(", ", defaults.keySet());
    }

    /** As {@link #parse} reads it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        defaults.forEach((name, on) -> text.append(text.length() == 0 ? "" : ",").append(name).append(on ? "" : ":off"));
        return text.toString();
    }
}
