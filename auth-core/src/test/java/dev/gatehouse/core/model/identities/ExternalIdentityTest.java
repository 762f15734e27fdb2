package dev.gatehouse.core.model.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a provider says about a person is kept only as text that cannot steer a terminal, a log or a page. */
class ExternalIdentityTest {

    @Test
    void controlAndDirectionCharactersInALoginOrNameBecomeQuestionMarks() {
        // preferred_username and name are often the person's own to edit at the provider.
        ExternalIdentity identity = new ExternalIdentity(ProviderName.of("keycloak"), "kc-1",
                "mallory\u001b]0;owned\u0007\u202eeilla", Optional.empty(), false, List.of(),
                Optional.of("Mallory\r\nsecond line"));

        assertEquals("mallory?]0;owned??eilla", identity.login());
        assertEquals("keycloak:mallory?]0;owned??eilla", identity.label());
        assertEquals("Mallory??second line", identity.displayName().orElseThrow());
    }

    @Test
    void anOrdinaryLoginAndNameAreKeptAsTheyAre() {
        ExternalIdentity identity = new ExternalIdentity(ProviderName.of("keycloak"), "kc-1", " Zoë Ölund ",
                Optional.empty(), false, List.of(), Optional.of("Zoë Ölund"));

        assertEquals("Zoë Ölund", identity.login());
        assertEquals("Zoë Ölund", identity.displayName().orElseThrow());
    }
}
