package dev.gatehouse.oauth.flow;

/**
 * {@code begin} was called while the provider cannot be used (its discovery has not succeeded yet):
 * the message says which provider, why, and that it is retried, for the page to show.
 */
public final class ProviderUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
