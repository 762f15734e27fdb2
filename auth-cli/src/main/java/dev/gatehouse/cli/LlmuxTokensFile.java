package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * llmux's {@code tokens.json} (v2): a JSON array of {@code {tokenId, secretHash, username, name,
 * createdAt, expiresAt?, lastUsedAt?}}, times as ISO-8601 text (epoch milliseconds are read too).
 * Its v1 {@code auth.json} ({@code {"version":1,"tokens":[...]}}) holds shared plaintext tokens
 * without owners; those are refused with the way to keep them working.
 */
final class LlmuxTokensFile {

    /** One llmux key as the file has it; entries that cannot be read carry {@code problem} instead. */
    record Entry(int index, String tokenId, String secretHash, String username, String name, Instant createdAt,
                 Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, String problem) {
    }

    private LlmuxTokensFile() {
    }

    /** The file {@code path} means: itself, or the tokens.json in llmux's v2 directory. */
    static Path file(Path path) {
        return Files.isDirectory(path) ? path.resolve("tokens.json") : path;
    }

    /** The entries of {@code file}. */
    static List<Entry> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new UsageException(file + " is not JSON (" + e.getOriginalMessage() + "); give llmux's v2 tokens.json.");
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + " (" + e + "); give the path of llmux's v2 tokens.json,"
                    + " e.g. llmux:~/.local/share/llmux/v2/tokens.json.");
        }
        if (root != null && root.isObject() && root.path("version").asInt() == 1) {
            throw new UsageException(file + " is llmux's v1 auth.json: shared plaintext tokens with no owner, which"
                    + " Gatehouse does not store. Keep them working as static keys (GATEHOUSE_API_KEYS=token1,token2;"
                    + " legacy, read-only) or make owned keys with 'gatehouse token create --username NAME'.");
        }
        if (root == null || !root.isArray()) {
            throw new UsageException(file + " is not llmux's v2 tokens.json (a JSON array of tokens).");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(i + 1, root.get(i)));
        }
        return entries;
    }

    private static Entry entry(int index, JsonNode node) {
        String id = node.path("tokenId").asText("");
        String hash = node.path("secretHash").asText("");
        String owner = node.path("username").asText("");
        String name = node.path("name").asText("");
        if (id.isEmpty() || hash.isEmpty() || owner.isEmpty()) {
            return problem(index, id, owner, "it lacks tokenId, secretHash or username");
        }
        try {
            Optional<Instant> created = time(node.get("createdAt"));
            if (created.isEmpty()) {
                return problem(index, id, owner, "it has no createdAt");
            }
            return new Entry(index, id, hash, owner, name, created.get(), time(node.get("expiresAt")),
                    time(node.get("lastUsedAt")), null);
        } catch (DateTimeParseException e) {
            return problem(index, id, owner, "a time in it is not ISO-8601 (" + e.getParsedString() + ")");
        }
    }

    private static Entry problem(int index, String id, String owner, String why) {
        return new Entry(index, id, "", owner, "", Instant.EPOCH, Optional.empty(), Optional.empty(), why);
    }

    private static Optional<Instant> time(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : Instant.parse(node.asText()));
    }
}
