package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.registration.RegistrationMode;
import java.util.List;

/**
 * The registration form, or word that registration is closed; {@code invite} is the code from the
 * link; {@code providers} the buttons that register through a provider (carrying the invite), and
 * {@code passwordLogin} whether an account with a password can be made here at all.
 */
public record RegisterPage(Shell shell, RegistrationMode mode, String invite, List<SignInChoices.Provider> providers,
                           boolean passwordLogin) {

    public RegisterPage {
        providers = List.copyOf(providers);
    }

    /** Provider buttons show wherever a new account can come from a provider: registration open, or an invite in hand. */
    public boolean offersProviders() {
        return !providers.isEmpty() && (!closed() || !invite.isEmpty());
    }

    /** A provider's button: the sign-in lands on My Account and carries the invite through the round trip. */
    public String startUrl(SignInChoices.Provider provider) {
        return provider.startUrl(dev.gatehouse.http.web.PageLinks.HOME, invite);
    }

    public boolean closed() {
        return mode == RegistrationMode.CLOSED;
    }

    public boolean inviteRequired() {
        return mode == RegistrationMode.INVITE;
    }

    /** One sentence on what happens after registering, in this mode. */
    public String explanation() {
        return switch (mode) {
            case OPEN -> "Create your account; you are signed in right away.";
            case APPROVAL -> "Create your account; an administrator approves it before you can sign in."
                    + " With an invite you can sign in right away.";
            case INVITE -> "Registration is by invitation: you need the invite link or code an administrator gave you.";
            case CLOSED -> "Registration is closed; ask an administrator to create an account for you.";
        };
    }
}
