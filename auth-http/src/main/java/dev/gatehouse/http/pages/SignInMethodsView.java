package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.ListIdentityLinks;
import dev.gatehouse.core.port.in.ListSignInMethods;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the sign-in methods the pages show, through core's use cases (so who may see what is core's rule). */
@Singleton
class SignInMethodsView {

    private final ListSignInMethods listSignInMethods;
    private final ListIdentityLinks listIdentityLinks;
    private final SignInChoices choices;
    private final Clock clock;

    SignInMethodsView(ListSignInMethods listSignInMethods, ListIdentityLinks listIdentityLinks, SignInChoices choices,
                      Clock clock) {
        this.listSignInMethods = listSignInMethods;
        this.listIdentityLinks = listIdentityLinks;
        this.choices = choices;
        this.clock = clock;
    }

    /** The account's section, as {@code actor} may see it. */
    SignInMethods of(Actor actor, Username username) {
        return listSignInMethods.list(actor, username) instanceof ListSignInMethods.Methods methods
                ? SignInMethods.of(methods, choices, clock.instant()) : SignInMethods.unreadable();
    }

    /**
     * Each account's identities as {@code provider:login} labels, for Manage Users; empty when
     * {@code actor} may not list them (the column then stays empty rather than failing the page).
     */
    Map<String, List<String>> labelsByUser(Actor actor) {
        if (!(listIdentityLinks.listAll(actor) instanceof ListIdentityLinks.Listed listed)) {
            return Map.of();
        }
        return listed.links().stream().collect(Collectors.groupingBy(l -> l.username().value(),
                Collectors.mapping(IdentityLink::label, Collectors.toList())));
    }

    /** The labels of one account, or none. */
    static List<String> labels(Map<String, List<String>> byUser, String username) {
        return Optional.ofNullable(byUser.get(username)).orElse(List.of());
    }
}
