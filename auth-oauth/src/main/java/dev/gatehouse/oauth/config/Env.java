package dev.gatehouse.oauth.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads settings out of an environment map with clear errors; never puts a secret's value in one. */
final class Env {

    private final Map<String, String> env;

    Env(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> all() {
        return env;
    }

    /** The trimmed value, if set and not blank. */
    Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The value given under any of {@code sources} (name → value); when several give one they must
     * agree, since choosing one silently would leave the operator guessing which is in force.
     */
    static Optional<String> agree(Map<String, Optional<String>> sources) {
        String chosenName = null;
        String chosen = null;
        for (Map.Entry<String, Optional<String>> source : sources.entrySet()) {
            if (source.getValue().isEmpty()) {
                continue;
            }
            if (chosen == null) {
                chosenName = source.getKey();
                chosen = source.getValue().get();
            } else if (!chosen.equals(source.getValue().get())) {
                throw new ConfigException(chosenName + " and " + source.getKey() + " are both set, to different values;"
                        + " keep one of them.");
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** The first of {@code names} that is set, checking that the others agree with it. */
    Optional<String> either(String... names) {
        Map<String, Optional<String>> sources = new LinkedHashMap<>();
        for (String name : names) {
            sources.put(name, get(name));
        }
        return agree(sources);
    }

    /** A secret given directly ({@code NAME}) or in a file ({@code NAME_FILE}), not both. */
    Optional<Secret> secret(Optional<String> direct, String directName, String fileName) {
        Optional<String> file = get(fileName);
        if (direct.isPresent() && file.isPresent()) {
            throw new ConfigException(directName + " and " + fileName + " are both set; keep one of them.");
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(fileName + " names " + path + ", which cannot be read ("
                        + e.getClass().getSimpleName() + "); check the path and its permissions.");
            }
            if (text.isEmpty()) {
                throw new ConfigException(fileName + " names " + path + ", which is empty; put the client secret in it.");
            }
            return Optional.of(Secret.of(text));
        }
        return direct.map(Secret::of);
    }

    static List<String> list(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    List<String> list(String name, List<String> otherwise) {
        return get(name).map(Env::list).orElse(otherwise);
    }

    /**
     * Values separated by commas only, each trimmed: group and role names may hold spaces
     * ({@code authentik Admins}), and split at them, a part would be another group's name.
     */
    List<String> commaList(String name) {
        return get(name).map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    boolean bool(String name, boolean otherwise) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(name + " is '" + value.get() + "'; write true or false.");
        };
    }

    int integer(String name, int otherwise) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " is '" + value.get() + "'; write a whole number (e.g. 10).");
        }
    }

    /**
     * An https address (plain http only for this machine, e.g. a provider in a test), without query
     * or fragment, so tokens and secrets never travel in the clear over a network.
     */
    static URI address(String name, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not an address: '" + value + "'.");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new ConfigException(name + " must be an address like https://sso.example.org/realms/main"
                    + " (with a host, no query, fragment or user), got '" + value + "'.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new ConfigException(name + " must use https (plain http only for localhost), got '" + value + "'.");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve a name here: only literal addresses count
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
