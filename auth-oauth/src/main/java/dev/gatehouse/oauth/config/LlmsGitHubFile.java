package dev.gatehouse.oauth.config;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llms.py's GitHub sign-in settings, read as llms.py writes them: either {@code llms.json} with an
 * {@code auth.github} section, or its {@code github_auth/config.json}, both holding
 * {@code client_id}, {@code client_secret}, {@code redirect_uri}, {@code restrict_to} (logins split
 * on commas and white space, or an array) and an optional {@code enabled}. A value written
 * {@code $NAME} or {@code ${NAME}} is the environment variable NAME, as llms.py resolves it.
 */
record LlmsGitHubFile(Path file, Optional<String> clientId, Optional<String> clientSecret, Optional<String> redirectUri,
                      List<String> restrictTo) {

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /** The section, or empty when the file has none or it is turned off ({@code "enabled": false}). */
    static Optional<LlmsGitHubFile> read(Path file, Env env) {
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check the path and its permissions.");
        } catch (ParseException e) {
            throw new ConfigException(file + " is not valid JSON: " + e.getMessage());
        }
        Map<String, Object> section = root;
        if (root.get("auth") instanceof Map<?, ?> auth) {
            section = auth.get("github") instanceof Map<?, ?> github ? cast(github) : null;
        } else if (!root.containsKey("client_id")) {
            section = null;
        }
        if (section == null || Boolean.FALSE.equals(section.get("enabled"))) {
            return Optional.empty();
        }
        String where = file + " (auth.github)";
        Object restrict = section.get("restrict_to");
        List<String> restrictTo;
        if (restrict == null) {
            restrictTo = List.of();
        } else if (restrict instanceof String text) {
            restrictTo = resolve(where, "restrict_to", text, env).map(Env::list).orElse(List.of());
        } else if (restrict instanceof List<?> items) {
            restrictTo = items.stream().map(item -> resolve(where, "restrict_to", String.valueOf(item), env))
                    .flatMap(Optional::stream).flatMap(v -> Env.list(v).stream()).toList();
        } else {
            throw new ConfigException(where + ": restrict_to must be a string or a list of GitHub logins.");
        }
        return Optional.of(new LlmsGitHubFile(file, text(where, section, "client_id", env),
                text(where, section, "client_secret", env), text(where, section, "redirect_uri", env), restrictTo));
    }

    private static Optional<String> text(String where, Map<String, Object> section, String key, Env env) {
        Object value = section.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new ConfigException(where + ": " + key + " must be a string.");
        }
        return resolve(where, key, text, env);
    }

    /** {@code $NAME} and {@code ${NAME}} from the environment; a variable that is not set is an error, not "". */
    private static Optional<String> resolve(String where, String key, String text, Env env) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.get(name).orElseThrow(() -> new ConfigException(where + ": " + key + " refers to $"
                    + name + ", which is not set in the environment."));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String value = out.toString().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
