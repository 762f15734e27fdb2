package dev.gatehouse.cli.apikeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.core.port.in.ImportApiKeys.Entry;
import dev.gatehouse.core.port.in.ImportApiKeys.LlmuxHash;
import dev.gatehouse.core.port.in.ImportApiKeys.PlainText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * llmux's key files. v2 {@code tokens.json}: a JSON array of {@code {tokenId, secretHash, username,
 * name, createdAt, expiresAt?, lastUsedAt?}}. v1 {@code auth.json}: {@code {"version":1,"tokens":
 * [{id, token, name?, createdAt, expiresAt?}]}}, shared keys in plain text with no owner, which
 * become keys of the owner the import names. Times are ISO-8601 text (epoch milliseconds are read
 * too). Entries that cannot be read are reported, not imported.
 */
final class LlmuxKeysFile {

    /** What a file holds: the keys to import, one line per entry that could not be read, and whether it is v1. */
    record Contents(List<Entry> entries, List<String> problems, boolean v1) {
    }

    private LlmuxKeysFile() {
    }

    /** The file {@code path} means: itself, or the tokens.json (else auth.json) in an llmux directory. */
    static Path file(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path v2 = path.resolve("tokens.json");
        return Files.exists(v2) || !Files.exists(path.resolve("auth.json")) ? v2 : path.resolve("auth.json");
    }

    /** The keys of {@code file}; {@code v1Owner} is asked only for a v1 file, whose keys have no owner. */
    static Contents read(Path file, Supplier<String> v1Owner) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new UsageException(file + " is not JSON (" + e.getOriginalMessage() + "); give llmux's v2 tokens.json"
                    + " or v1 auth.json.");
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + " (" + e + "); give the path of llmux's v2 tokens.json,"
                    + " e.g. llmux:~/.local/share/llmux/v2/tokens.json, or of its v1 auth.json.");
        }
        if (root != null && root.isObject() && root.path("version").asInt() == 1 && root.path("tokens").isArray()) {
            return v1(root.path("tokens"), v1Owner.get());
        }
        if (root == null || !root.isArray()) {
            throw new UsageException(file + " is neither llmux's v2 tokens.json (a JSON array of tokens) nor its v1"
                    + " auth.json ({\"version\":1,\"tokens\":[...]}).");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String id = node.path("tokenId").asText("");
            String label = label(i + 1, id);
            String hash = node.path("secretHash").asText("");
            String owner = node.path("username").asText("");
            if (id.isEmpty() || hash.isEmpty() || owner.isEmpty()) {
                problems.add(label + ": it lacks tokenId, secretHash or username");
                continue;
            }
            entry(node, label, owner, new LlmuxHash(id, hash), problems).ifPresent(entries::add);
        }
        return new Contents(entries, problems, false);
    }

    private static Contents v1(JsonNode tokens, String owner) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode node = tokens.get(i);
            String label = label(i + 1, node.path("id").asText(""));
            String token = node.path("token").asText("");
            if (token.isEmpty()) {
                problems.add(label + ": it has no token");
                continue;
            }
            entry(node, label, owner, new PlainText(token), problems).ifPresent(entries::add);
        }
        return new Contents(entries, problems, true);
    }

    private static Optional<Entry> entry(JsonNode node, String label, String owner,
                                         dev.gatehouse.core.port.in.ImportApiKeys.Secret secret, List<String> problems) {
        try {
            Optional<Instant> created = time(node.get("createdAt"));
            if (created.isEmpty()) {
                problems.add(label + ": it has no createdAt");
                return Optional.empty();
            }
            return Optional.of(new Entry(label, owner, node.path("name").asText(""), secret, created.get(),
                    time(node.get("expiresAt")), time(node.get("lastUsedAt"))));
        } catch (DateTimeParseException e) {
            problems.add(label + ": a time in it is not ISO-8601 (" + e.getParsedString() + ")");
            return Optional.empty();
        }
    }

    private static String label(int index, String id) {
        return "entry " + index + (id.isEmpty() ? "" : " (" + id + ")");
    }

    private static Optional<Instant> time(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : Instant.parse(node.asText()));
    }
}
