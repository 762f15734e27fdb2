package dev.gatehouse.crypto;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * llms.py's {@code <salt>:<digest>}: digest = hex SHA-256 of the UTF-8 text salt-hex followed by
 * the password. One unsalted-cost round, so it only ever verifies, and always asks for a rehash.
 */
final class LlmsPyLegacyScheme implements HashScheme {

    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    @Override
    public String label() {
        return "llms.py salt:sha256";
    }

    @Override
    public boolean recognises(String storedHash) {
        return !storedHash.startsWith("$") && storedHash.indexOf(':') >= 0;
    }

    @Override
    public Verification verify(Password password, String storedHash) throws UnsupportedHashException {
        String[] parts = storedHash.split(":", -1);
        if (parts.length != 2) {
            throw new UnsupportedHashException("has " + (parts.length - 1) + " ':' separators; expected"
                    + " exactly one, as in <32 hex salt>:<64 hex digest>");
        }
        // llms.py writes both parts as lowercase hex (secrets.token_hex, hexdigest()).
        if (!SALT.matcher(parts[0]).matches()) {
            throw new UnsupportedHashException("has a salt that is not 32 lowercase hex characters"
                    + " (it has " + parts[0].length() + " characters)");
        }
        if (!DIGEST.matcher(parts[1]).matches()) {
            throw new UnsupportedHashException("has a digest that is not 64 lowercase hex characters"
                    + " (it has " + parts[1].length() + "; truncated?)");
        }
        byte[] expected = HexFormat.of().parseHex(parts[1]);
        byte[] actual = sha256((parts[0] + password.value()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(actual, expected) ? Verification.MATCH_NEEDS_REHASH : Verification.MISMATCH;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }
}
