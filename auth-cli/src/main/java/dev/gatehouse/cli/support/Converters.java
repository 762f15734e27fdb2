package dev.gatehouse.cli.support;

import dev.gatehouse.core.model.accounts.Username;
import picocli.CommandLine.TypeConversionException;

/** Turns command-line text into core values, with core's own message when it is not valid. */
public final class Converters {

    private Converters() {
    }

    public static Username username(String text) {
        try {
            return Username.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new TypeConversionException(invalid.getMessage());
        }
    }

    public static Username usernameOrUsage(String text, String option) {
        try {
            return Username.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException("Invalid value for option '" + option + "': " + invalid.getMessage());
        }
    }
}
