package dev.gatehouse.http.pages;

import java.util.Map;
import java.util.function.Function;

/**
 * What the sign-in page says when a provider round trip ended on {@code /login?error=CODE&provider=NAME}:
 * what happened and what to do, for each code the callback sends. The page never repeats the
 * query: an unknown code gets the general message, an unknown provider is "the provider".
 */
final class SignInProblem {

    private static final Map<String, Function<String, String>> MESSAGES = Map.ofEntries(
            Map.entry("access_denied", p -> "You cancelled signing in at " + p + ", or " + p
                    + " did not allow it. Nothing was changed; sign in again when you are ready."),
            Map.entry("provider_error", p -> p + " reported a problem and did not sign you in. Try again in a moment;"
                    + " if it keeps happening, tell your administrator."),
            Map.entry("state_mismatch", p -> "The answer from " + p + " did not belong to a sign-in started in this browser,"
                    + " so it was refused. Start again from this page (with cookies allowed)."),
            Map.entry("issuer_mismatch", p -> "The answer claimed to come from " + p + " but named another issuer,"
                    + " so it was refused. Start again from this page; if it happens again, tell your administrator."),
            Map.entry("expired", p -> "The sign-in through " + p + " took too long and expired. Start again from this page."),
            Map.entry("code_rejected", p -> p + " did not accept the sign-in code (it may have been used already)."
                    + " Start again from this page."),
            Map.entry("invalid_token", p -> "The identity " + p + " sent could not be verified, so it was refused."
                    + " Start again; if it keeps happening, tell your administrator."),
            Map.entry("unavailable", p -> p + " cannot be reached just now. Try again in a few minutes"
                    + " or sign in another way."),
            Map.entry("not_allowed", p -> "Signing in through " + p + " is not allowed for you here: your " + p
                    + " account is not among those the operator allows, or this account cannot connect it now"
                    + " (it is locked, or an administrator is acting as you). Ask an administrator if you need access."),
            Map.entry("email_unverified", p -> p + " has not verified your email address. Verify it at " + p
                    + ", then sign in again."),
            Map.entry("locked", p -> "Your account is locked. Ask an administrator to unlock it."),
            Map.entry("registration_closed", p -> "There is no account here for your " + p + " identity, and"
                    + " registration is closed. Ask an administrator for an account or an invite."),
            Map.entry("invite_required", p -> "New accounts need an invite here. Open the invite link you were given"
                    + " and sign in with " + p + " from there."),
            Map.entry("invite_invalid", p -> "That invite code is not valid. Check the link you were given,"
                    + " or ask for a new invite."),
            Map.entry("invite_expired", p -> "That invite has expired. Ask an administrator for a new one."),
            Map.entry("invite_used_up", p -> "That invite has been used as often as it allows. Ask an administrator"
                    + " for a new one."),
            Map.entry("invite_revoked", p -> "That invite was withdrawn. Ask an administrator for a new one."),
            Map.entry("invite_email_mismatch", p -> "That invite is for another email address than the one " + p
                    + " gave. Sign in with the account the invite was sent to, or ask for a new invite."),
            Map.entry("email_in_use", p -> "An account already uses this email address. Sign in the way you did"
                    + " before, then connect " + p + " from My Account."),
            Map.entry("linked_to_another_account", p -> "That " + p + " identity already signs in to another account,"
                    + " so it was not connected to yours. Sign in to that account, or disconnect it there first."),
            Map.entry("round_trip_missing", p -> "This sign-in through " + p + " was not started in this browser,"
                    + " was already used, or took too long. Start again from this page (with cookies allowed)."),
            Map.entry("session_changed", p -> "You are no longer signed in as the person who asked to connect " + p
                    + ". Sign in, then connect it again from My Account."),
            Map.entry("no_base_url", p -> "This server does not know its public address, so it cannot send you to "
                    + p + " and back. Tell your administrator (the --base-url setting)."),
            Map.entry("unknown_provider", p -> "That sign-in method is not offered here. Choose one of the buttons below."));

    private SignInProblem() {
    }

    /**
     * The message for {@code code} through {@code provider} (a display name), or empty when there
     * was no error; an unknown code gets the general message.
     */
    static String message(String code, String provider) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Function<String, String> message = MESSAGES.get(code);
        if (message == null) {
            return "Signing in through " + provider + " did not work. Start again from this page;"
                    + " if it keeps happening, tell your administrator.";
        }
        String text = message.apply(provider);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
