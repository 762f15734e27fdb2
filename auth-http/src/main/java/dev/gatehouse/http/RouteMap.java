package dev.gatehouse.http;

import dev.gatehouse.core.model.FeatureCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which feature a proxied request uses, by method and path: the operator's rules first, then
 * (unless switched off) a table for OpenAI-compatible servers such as LocalAI. A rule is
 * {@code [METHOD ]PATTERN=FEATURE}; in a pattern {@code *} is any text within one path segment,
 * {@code **} any text, and {@code {model}} one segment that names the model. The first rule that
 * matches wins, whatever the case of the path; a path no rule matches uses no feature.
 */
public record RouteMap(List<Rule> rules) {

    /** One rule: a method ({@code *} for any), a path pattern and the feature it uses. */
    public record Rule(String method, String pattern, String feature, Pattern regex) {
        public Rule {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            FeatureCatalog.checkedName(feature);
            Objects.requireNonNull(regex, "regex");
        }

        /** Parses {@code [METHOD ]PATTERN=FEATURE}. */
        public static Rule parse(String text) {
            String entry = text.strip();
            int equals = entry.lastIndexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("The route rule '" + entry + "' has no feature; write"
                        + " [METHOD ]PATTERN=FEATURE, e.g. POST /v1/chat/completions=chat.");
            }
            String feature = entry.substring(equals + 1).strip();
            String[] parts = entry.substring(0, equals).strip().split("\\s+");
            if (parts.length > 2 || !parts[parts.length - 1].startsWith("/")) {
                throw new IllegalArgumentException("The route rule '" + entry + "' must be [METHOD ]PATTERN=FEATURE"
                        + " with a pattern starting with /, e.g. POST /v1/chat/completions=chat.");
            }
            String method = parts.length == 2 ? parts[0].toUpperCase(Locale.ROOT) : "*";
            if (!method.matches("\\*|[A-Z]{1,10}")) {
                throw new IllegalArgumentException("The route rule '" + entry + "' names the method '" + parts[0]
                        + "'; use GET, POST, ... or * for any.");
            }
            String pattern = parts[parts.length - 1];
            return new Rule(method, pattern, feature, compile(pattern));
        }

        private static Pattern compile(String pattern) {
            StringBuilder regex = new StringBuilder();
            Matcher parts = Pattern.compile("\\{model}|\\*\\*|\\*").matcher(pattern);
            int last = 0;
            boolean model = false;
            while (parts.find()) {
                regex.append(Pattern.quote(pattern.substring(last, parts.start())));
                switch (parts.group()) {
                    case "**" -> regex.append(".*");
                    case "*" -> regex.append("[^/]*");
                    default -> {
                        if (model) {
                            throw new IllegalArgumentException("The pattern '" + pattern + "' names {model} twice.");
                        }
                        model = true;
                        regex.append("(?<model>[^/]+)");
                    }
                }
                last = parts.end();
            }
            regex.append(Pattern.quote(pattern.substring(last)));
            // Case does not matter: servers that route /V1/Images like /v1/images must not pass it unchecked.
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        }
    }

    /** What a request uses: a feature, and the model its path names, if any. */
    public record Match(String feature, Optional<String> model) {
    }

    /** The built-in rules for OpenAI-compatible servers (LocalAI's routes). */
    public static final List<String> DEFAULTS = List.of(
            "/v1/chat/completions=chat", "/chat/completions=chat", "/v1/completions=chat", "/completions=chat",
            "/v1/messages=chat", "/v1/responses=chat", "/v1/edits=chat",
            "/v1/embeddings=embeddings", "/embeddings=embeddings",
            "/v1/images/**=images", "/images/**=images",
            "/v1/audio/speech=audio_speech", "/audio/speech=audio_speech", "/tts=audio_speech",
            "/v1/text-to-speech/**=audio_speech",
            "/v1/audio/transcriptions=audio_transcription", "/v1/audio/translations=audio_transcription",
            "/audio/transcriptions=audio_transcription",
            "/v1/sound-generation=sound", "/sound-generation=sound",
            "/v1/rerank=rerank", "/rerank=rerank",
            "/v1/tokenize=tokenize", "/tokenize=tokenize",
            "/v1/vad=vad", "/vad=vad",
            "/v1/detection=detection", "/detection=detection",
            "/v1/video/**=video", "/video=video",
            "/v1/realtime=realtime", "/v1/realtime/**=realtime",
            "/v1/mcp/**=mcp", "/mcp/**=mcp",
            "/stores/**=stores",
            "/api/agents/**=agents", "/api/skills/**=skills", "/api/collections/**=collections",
            "/api/mcp/jobs/**=mcp_jobs");

    public RouteMap {
        rules = List.copyOf(rules);
    }

    /** The built-in table alone. */
    public static RouteMap defaults() {
        return parse("", true);
    }

    /** The operator's comma-separated rules, followed by the built-in table when {@code withDefaults}. */
    public static RouteMap parse(String text, boolean withDefaults) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split(",")) {
            if (!entry.isBlank()) {
                rules.add(Rule.parse(entry));
            }
        }
        if (withDefaults) {
            DEFAULTS.forEach(entry -> rules.add(Rule.parse(entry)));
        }
        return new RouteMap(rules);
    }

    /** The feature (and path model) of {@code method} on {@code path} (no query), by the first rule that matches. */
    public Optional<Match> match(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (!rule.method().equals("*") && !rule.method().equals(upper)) {
                continue;
            }
            Matcher matcher = rule.regex().matcher(path);
            if (matcher.matches()) {
                Optional<String> model = rule.regex().pattern().contains("(?<model>")
                        ? Optional.of(matcher.group("model")) : Optional.empty();
                return Optional.of(new Match(rule.feature(), model));
            }
        }
        return Optional.empty();
    }
}
