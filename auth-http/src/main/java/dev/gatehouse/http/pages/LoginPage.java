package dev.gatehouse.http.pages;

import java.util.List;

/**
 * Sign in; {@code next} is where to go after, already checked to be a path on this site or, with a
 * sign-in portal, an address on a host the session cookie reaches
 * ({@link dev.gatehouse.http.web.PageLinks#safeNext(String, dev.gatehouse.http.config.ServerSettings)});
 * {@code registration} shows a link to register when the registration mode allows it;
 * {@code providers} are the buttons, {@code passwordLogin} whether the password form shows, and
 * {@code problem} what went wrong on the way back from a provider (empty when nothing did).
 */
public record LoginPage(Shell shell, String next, boolean registration, List<SignInChoices.Provider> providers,
                        boolean passwordLogin, String problem) {

    public LoginPage {
        providers = List.copyOf(providers);
    }

    /** The address of a provider's button. */
    public String startUrl(SignInChoices.Provider provider) {
        return provider.startUrl(next, "");
    }
}
