package dev.gatehouse.core.service.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The list of common passwords shipped with Gatehouse ({@code common-passwords.txt}: the most
 * frequent passwords of 8 or more characters from zxcvbn's list, lower case), read once.
 */
public final class CommonPasswords {

    private static final String RESOURCE = "common-passwords.txt";

    private CommonPasswords() {
    }

    /** The shipped list, lower case; read on first use. */
    public static Set<String> shipped() {
        return Holder.LIST;
    }

    private static final class Holder {
        static final Set<String> LIST = read();
    }

    private static Set<String> read() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list " + RESOURCE
                        + " is missing from auth-core's jar; rebuild or reinstall Gatehouse.");
            }
            Set<String> words = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the common-password list failed: " + e.getMessage(), e);
        }
    }
}
