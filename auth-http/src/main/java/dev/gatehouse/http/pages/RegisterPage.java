package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.registration.RegistrationMode;

/** The registration form, or word that registration is closed; {@code invite} is the code from the link. */
public record RegisterPage(Shell shell, RegistrationMode mode, String invite) {

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
