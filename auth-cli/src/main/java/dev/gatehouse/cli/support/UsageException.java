package dev.gatehouse.cli.support;

/**
 * The person asked for something the CLI cannot do as asked (a bad store URL, two different
 * passwords at the prompt, no terminal to prompt on). Exits with {@link ExitCodes#USAGE}; the
 * message is printed as one line and says what to do instead.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
