package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.accounts.Username;
import org.junit.jupiter.api.Test;

/** What a new account made through a provider is called. */
class UsernameChoiceTest {

    @Test
    void theLoginIsTheNameInLowerCase() {
        assertEquals("octocat", UsernameChoice.base(identity(GITHUB, "1", "Octocat", null, false)));
    }

    @Test
    void aLoginThatIsAnAddressGivesItsLocalPart() {
        assertEquals("alice", UsernameChoice.base(identity(KEYCLOAK, "kc-1", "alice@corp", null, false)));
    }

    @Test
    void withoutALoginTheAddressGivesTheName() {
        assertEquals("j.doe", UsernameChoice.base(identity(KEYCLOAK, "0f8e-77", "", "J.Doe@example.org", true)));
    }

    @Test
    void withNeitherTheNameIsUser() {
        assertEquals("user", UsernameChoice.base(identity(KEYCLOAK, "0f8e-77", "", null, false)));
    }

    @Test
    void slashesSpacesAndInvisibleCharactersBecomeDashes() {
        String name = UsernameChoice.base(identity(KEYCLOAK, "kc-1", " ../Ålice\u200B Smith/..\\x ", null, false));
        assertEquals("alice-smith-..-x", name);
        Username.of(name); // always a valid username
    }

    @Test
    void namesThatMeanSomeoneElseHereGetTheProviderInFront() {
        assertEquals("github-admin", UsernameChoice.base(identity(GITHUB, "1", "Admin", null, false)));
        assertEquals("keycloak-operator", UsernameChoice.base(identity(KEYCLOAK, "2", "operator", null, false)));
    }

    @Test
    void aLongLoginLeavesRoomForTheSuffix() {
        String base = UsernameChoice.base(identity(GITHUB, "1", "a".repeat(100), null, false));
        assertEquals(UsernameChoice.MAX_BASE, base.length());
        Username.of(UsernameChoice.candidate(base, 10_000));
    }

    @Test
    void theSuffixCountsFromTwo() {
        assertEquals("alice", UsernameChoice.candidate("alice", 1));
        assertEquals("alice-2", UsernameChoice.candidate("alice", 2));
    }
}
