package dev.gatehouse.oauth.config;

/**
 * The sign-in provider configuration cannot be used as it is: the message names the setting, what
 * was wrong with it and what to do, never a secret's value.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
