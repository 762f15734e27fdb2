package dev.gatehouse.core.service.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.defaults();

    private Optional<String> problem(String password) {
        return policy.problemWith(Password.of(password), Username.of("alice"));
    }

    @Test
    void aPasswordThatIsTheOnlyFactorNeedsFifteenCharactersCountedAsPeopleCountThem() {
        assertEquals(Optional.of("The password is 14 characters long; use at least 15 (a few unrelated words are long"
                + " enough and easy to remember)."), problem("amber-kettle-9"));
        assertEquals(Optional.empty(), problem("amber-kettle-99"));
        assertTrue(problem("pässwörd ⛩ tea").isPresent(), "14 characters, although more bytes");
        assertEquals(Optional.empty(), problem("pässwörd ⛩ teas"));
    }

    @Test
    void spacesAroundAPasswordNeitherMakeItLongEnoughNorHideTheUsername() {
        assertTrue(problem(" ".repeat(15)).orElseThrow().contains("0 characters long"));
        assertTrue(problem("amber-kettle-9 ").orElseThrow().contains("14 characters long"));
        assertTrue(policy.problemWith(Password.of("  marigold-harbour\t"), Username.of("marigold-harbour")).orElseThrow()
                .contains("may not be the username"));
        assertEquals(Optional.empty(), problem(" amber-kettle-99 "));
    }

    @Test
    void withASecondFactorEightCharactersAreEnough() {
        assertEquals(Optional.empty(), policy.problemWith(Password.of("tulip-42"), Optional.empty(), true));
        assertTrue(policy.problemWith(Password.of("tulip-4"), Optional.empty(), true).orElseThrow().contains("at least 8."));
    }

    @Test
    void longPassphrasesWithoutAnyCompositionRulesAreWelcome() {
        assertEquals(Optional.empty(), problem("all lower case words and spaces"));
        assertEquals(Optional.empty(), problem("x".repeat(10) + "yz" + "w".repeat(1000)));
    }

    @Test
    void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
        PasswordPolicy eight = new PasswordPolicy(8, 8, CommonPasswords.shipped());
        assertTrue(eight.problemWith(Password.of("password1")).orElseThrow().contains("most common passwords"));
        assertTrue(eight.problemWith(Password.of("IloveYou1")).orElseThrow().contains("most common passwords"));
        assertTrue(problem("1qaz2wsx3edc4rfv").orElseThrow().contains("most common passwords"), "long but on the list");
        assertTrue(CommonPasswords.shipped().size() > 10_000, "the shipped list is read whole");
    }

    @Test
    void theUsernameAndTheServiceNameAreRefused() {
        assertTrue(policy.problemWith(Password.of("Maximilian-Alexander"), Username.of("maximilian-alexander"))
                .orElseThrow().contains("username"));
        PasswordPolicy short9 = new PasswordPolicy(9, 8, java.util.Set.of());
        assertTrue(short9.problemWith(Password.of("GATEHOUSE")).orElseThrow().contains("name of this service"));
    }

    @Test
    void repeatedUnitsAndRunsOfCharactersAreRefused() {
        for (String pattern : new String[]{"aaaaaaaaaaaaaaaa", "abababababababab", "abc1abc1abc1abc1", "7890123456789012",
                "abcdefghijklmnop", "ZYXWVUTSRQPONMLK"}) {
            assertTrue(problem(pattern).orElseThrow().contains("repeated or a run"), pattern);
        }
        assertEquals(Optional.empty(), problem("abcde-abcde-abcde"), "a unit of five is not judged a pattern");
    }
}
