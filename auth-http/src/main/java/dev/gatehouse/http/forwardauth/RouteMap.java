package dev.gatehouse.http.forwardauth;

import dev.gatehouse.core.model.rights.FeatureCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which feature a proxied request uses, by method and path: the operator's rules first, then
 * (unless switched off) a table for OpenAI-compatible servers such as LocalAI. A rule is
 * {@code [METHOD ]PATTERN=FEATURE}, {@code =-} for a route that uses no feature (a model list),
 * {@code =@admin} for one only administrators may use (a server's own administration), and
 * {@code FEATURE!} for a route that can name a model Gatehouse never sees (a websocket's later
 * messages), which callers limited to some models are refused. In a pattern {@code *} is any text
 * within one path segment, {@code **} any text, and {@code {model}} one segment that names the
 * model. The first rule that matches wins, whatever the case of the path; a path no rule matches
 * is unmatched ({@link AccessRules.Unmatched} says who may use it).
 */
public final class RouteMap {

    private static final int[] NONE = {};

    private final List<Rule> rules;
    /**
     * The positions of the rules whose pattern is a plain path, by that path in ASCII lower case:
     * a request's path finds them with one look-up instead of a regex each (most of the table).
     */
    private final Map<String, int[]> plain;
    /** The positions of the rules with {@code *}, {@code **} or {@code {model}}, in order. */
    private final int[] patterns;

    /**
     * One rule: a method ({@code *} for any), a path pattern, the feature it uses (none for
     * {@code -} and {@code @admin}), whether the route can name a model that is never seen, and whether
     * only administrators may use it.
     */
    public record Rule(String method, String pattern, Optional<String> feature, Pattern regex, boolean modelHidden,
                       boolean adminOnly) {
        public Rule {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            feature.ifPresent(FeatureCatalog::checkedName);
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
            String target = entry.substring(equals + 1).strip();
            boolean hidden = target.endsWith("!");
            String name = hidden ? target.substring(0, target.length() - 1).strip() : target;
            boolean admin = name.equals("@admin");
            Optional<String> feature = name.equals("-") || admin ? Optional.empty() : Optional.of(name);
            if (hidden && feature.isEmpty()) {
                throw new IllegalArgumentException("The route rule '" + entry + "' marks a hidden model on a route"
                        + " with no feature; write FEATURE! (e.g. /v1/realtime=realtime!).");
            }
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
            return new Rule(method, pattern, feature, compile(pattern), hidden, admin);
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

    /**
     * What a request uses: a feature (none for a {@code -} rule), the model its path names if any,
     * whether it can name a model that is never seen, and whether only administrators may use it.
     */
    public record Match(Optional<String> feature, Optional<String> model, boolean modelHidden, boolean adminOnly) {
    }

    /**
     * The built-in rules: LocalAI's routes with the feature LocalAI's own authentication gates each
     * with, its Ollama-, Anthropic-, ElevenLabs- and Jina-compatible routes, and the OpenAI API's
     * routes that LocalAI-like servers (llama.cpp, vLLM, llama-swap) also serve. {@code {model}}
     * rules come before the {@code **} rule of the same prefix. Routes left out on purpose
     * (administration, batches and assistants whose models cannot be seen, LocalAI features this
     * catalog lacks) are unmatched. docs/configuration.md lists every rule.
     */
    public static final List<String> DEFAULTS = List.of(
            // chat: OpenAI chat, completions, edits and moderation; Anthropic; Open Responses; Ollama; llama.cpp
            "/v1/chat/completions=chat", "/v1/chat/completions/**=chat", "/chat/completions=chat",
            "/v1/completions=chat", "/completions=chat", "/v1/engines/{model}/completions=chat",
            "/v1/edits=chat", "/edits=chat", "/v1/moderations=chat", "/moderations=chat",
            "/v1/messages=chat", "/v1/messages/count_tokens=chat", "/messages=chat",
            "/v1/responses=chat", "/v1/responses/**=chat", "/responses=chat", "/responses/**=chat",
            "/api/chat=chat", "/api/generate=chat", "/completion=chat", "/infill=chat",
            // embeddings
            "/v1/embeddings=embeddings", "/embeddings=embeddings", "/v1/engines/{model}/embeddings=embeddings",
            "/api/embed=embeddings", "/api/embeddings=embeddings", "/embedding=embeddings",
            // images: generations, edits, variations, inpainting, upscale
            "/v1/images/**=images", "/images/**=images",
            // speech: OpenAI, LocalAI, ElevenLabs (model_id in the body), voices
            "/v1/audio/speech=audio_speech", "/audio/speech=audio_speech", "/tts=audio_speech",
            "/v1/text-to-speech/**=audio_speech", "/v1/audio/voices=audio_speech", "/audio/voices=audio_speech",
            "/api/voice-profiles=audio_speech", "/api/voice-profiles/**=audio_speech",
            // transcription and translation
            "/v1/audio/transcriptions=audio_transcription", "/audio/transcriptions=audio_transcription",
            "/v1/audio/translations=audio_transcription", "/audio/translations=audio_transcription",
            "/v1/sound-generation=sound", "/sound-generation=sound",
            "/v1/rerank=rerank", "/rerank=rerank", "/v2/rerank=rerank", "/v1/score=rerank", "/score=rerank",
            "/v1/tokenize=tokenize", "/tokenize=tokenize", "/v1/detokenize=tokenize", "/detokenize=tokenize",
            "/v1/vad=vad", "/vad=vad",
            "/v1/detection=detection", "/detection=detection",
            "/video=video", "/v1/video/**=video", "/v1/videos=video", "/v1/videos/**=video",
            // realtime: a websocket names (or changes) its model in messages Gatehouse never sees
            "/v1/realtime=realtime!", "/v1/realtime/**=realtime!", "/realtime=realtime!",
            "/v1/mcp/servers/{model}=mcp", "/v1/mcp/prompts/{model}=mcp", "/v1/mcp/prompts/{model}/*=mcp",
            "/v1/mcp/resources/{model}=mcp", "/v1/mcp/resources/{model}/*=mcp",
            "/v1/mcp/**=mcp", "/mcp/**=mcp", "/api/cors-proxy=mcp",
            "/stores/**=stores",
            "/api/agents=agents", "/api/agents/**=agents", "/api/skills=skills", "/api/skills/**=skills",
            "/api/collections=collections", "/api/collections/**=collections",
            "/api/agent/tasks=mcp_jobs", "/api/agent/tasks/**=mcp_jobs", "/api/agent/jobs=mcp_jobs",
            "/api/agent/jobs/**=mcp_jobs", "/api/mcp/jobs/**=mcp_jobs",
            // LocalAI's administration (its adminMiddleware): administrators only, and not with a scoped key
            "/models/apply=@admin", "/models/delete/**=@admin", "/models/import=@admin", "/models/import-uri=@admin",
            "/models/edit/**=@admin", "/models/toggle-state/**=@admin", "/models/toggle-pinned/**=@admin",
            "/models/reload=@admin", "/models/available=@admin", "/models/galleries=@admin", "/models/jobs=@admin",
            "/models/jobs/**=@admin", "/import-model=@admin", "/backends=@admin", "/backends/**=@admin",
            "/api/models/config-yaml/**=@admin", "/metrics=@admin", "/system=@admin", "/backend/monitor=@admin",
            "/backend/shutdown=@admin", "/v1/backend/monitor=@admin", "/v1/backend/shutdown=@admin",
            "/api/traces=@admin", "/api/traces/**=@admin", "/api/backend-traces=@admin", "/api/backend-traces/**=@admin",
            "/api/backend-logs=@admin", "/api/backend-logs/**=@admin", "/ws/backend-logs/**=@admin", "/api/p2p=@admin",
            "/api/p2p/**=@admin", "/api/score=@admin", "/api/settings=@admin", "/api/settings/**=@admin",
            // no feature, only a valid caller: model lists, health and version
            "GET /v1/models=-", "GET /models=-", "GET /v1/models/capabilities=-", "GET /models/capabilities=-",
            "GET /v1/models/{model}=-", "GET /api/tags=-", "HEAD /api/tags=-", "GET /api/ps=-", "POST /api/show=-",
            "GET /api/version=-", "HEAD /api/version=-", "GET /version=-", "GET /healthz=-", "GET /readyz=-",
            "GET /health=-");
    public RouteMap(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> byPath = new HashMap<>();
        List<Integer> wild = new ArrayList<>();
        for (int i = 0; i < this.rules.size(); i++) {
            String pattern = this.rules.get(i).pattern();
            if (pattern.indexOf('*') < 0 && pattern.indexOf('{') < 0) {
                byPath.computeIfAbsent(lowerAscii(pattern), path -> new ArrayList<>()).add(i);
            } else {
                wild.add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        byPath.forEach((path, positions) -> index.put(path, positions.stream().mapToInt(Integer::intValue).toArray()));
        this.plain = Map.copyOf(index);
        this.patterns = wild.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rules, in the order they are tried. */
    public List<Rule> rules() {
        return rules;
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

    /**
     * The feature (and path model) of {@code method} on {@code path} (no query), by the first rule that
     * matches: the plain-path rules for this path and the pattern rules, merged in table order.
     */
    public Optional<Match> match(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        int[] exact = plain.getOrDefault(lowerAscii(path), NONE);
        int e = 0;
        int w = 0;
        while (e < exact.length || w < patterns.length) {
            boolean fromExact = w >= patterns.length || e < exact.length && exact[e] < patterns[w];
            Rule rule = rules.get(fromExact ? exact[e++] : patterns[w++]);
            if (!rule.method().equals("*") && !rule.method().equals(upper)) {
                continue;
            }
            if (fromExact) {
                return Optional.of(new Match(rule.feature(), Optional.empty(), rule.modelHidden(), rule.adminOnly()));
            }
            Matcher matcher = rule.regex().matcher(path);
            if (matcher.matches()) {
                Optional<String> model = rule.regex().pattern().contains("(?<model>")
                        ? Optional.of(matcher.group("model")) : Optional.empty();
                return Optional.of(new Match(rule.feature(), model, rule.modelHidden(), rule.adminOnly()));
            }
        }
        return Optional.empty();
    }

    /**
     * Lower case for ASCII letters only, as the rules' case-insensitive regexes compare: other
     * characters (a Kelvin sign, a dotted I) must match exactly, never fold into ASCII.
     */
    static String lowerAscii(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? text : new String(chars);
    }
}
