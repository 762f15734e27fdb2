package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.http.web.SignInProviders;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The ways in the sign-in pages offer: one button per configured provider, in the operator's
 * order and with the operator's display names, and whether the password form is on.
 */
@Singleton
public class SignInChoices {

    /** One provider as a button: its route name and what follows "Sign in with". */
    public record Provider(String name, String displayName) {

        /** The start of a sign-in that returns to {@code next}, carrying {@code invite} when there is one. */
        public String startUrl(String next, String invite) {
            StringBuilder url = new StringBuilder("/auth/").append(name);
            char separator = '?';
            if (next != null && !next.isEmpty()) {
                url.append(separator).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
                separator = '&';
            }
            if (invite != null && !invite.isBlank()) {
                url.append(separator).append("invite=").append(URLEncoder.encode(invite.strip(), StandardCharsets.UTF_8));
            }
            return url.toString();
        }

        /** Where My Account's "Connect" form posts. */
        public String connectUrl() {
            return "/auth/" + name + "/connect";
        }
    }

    private final List<Provider> providers;
    private final boolean passwordLogin;

    @Inject
    SignInChoices(SignInProviders configured) {
        this(configured.all().stream().map(p -> new Provider(p.name().value(), p.displayName())).toList(),
                configured.passwordLogin());
    }

    /** With the providers already in button order. */
    public SignInChoices(List<Provider> providers, boolean passwordLogin) {
        this.providers = List.copyOf(providers);
        this.passwordLogin = passwordLogin;
    }

    public List<Provider> providers() {
        return providers;
    }

    public boolean passwordLogin() {
        return passwordLogin;
    }

    /** The configured provider called {@code name}, if any; anything else in a query is not one. */
    public Optional<Provider> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The display name of a provider a link names, or the plain name when it is no longer configured. */
    public String displayName(ProviderName name) {
        return find(name.value()).map(Provider::displayName).orElse(name.value());
    }
}
