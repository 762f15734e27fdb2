package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's permission settings as the environment gives them, and clear errors for bad ones. */
class AccessRulesTest {

    @Test
    void unmatchedRoutesAreAllowedUnlessTheOperatorSaysDeny() {
        assertFalse(AccessRules.fromEnvironment(Map.of()).denyUnmatched());
        assertTrue(AccessRules.fromEnvironment(Map.of("GATEHOUSE_UNMATCHED_ROUTES", "deny")).denyUnmatched());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> AccessRules.fromEnvironment(Map.of("GATEHOUSE_UNMATCHED_ROUTES", "block")));
        assertEquals("GATEHOUSE_UNMATCHED_ROUTES must be allow (paths no rule maps need only a signed-in caller) or"
                + " deny (only administrators), not 'block'.", wrong.getMessage());
    }

    @Test
    void aRouteNamingAFeatureOutsideTheListStopsTheStartNamingBoth() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> AccessRules.fromEnvironment(
                Map.of("GATEHOUSE_FEATURES", "chat", "GATEHOUSE_ROUTES", "POST /v1/agents=agents")));
        assertTrue(wrong.getMessage().contains("'agents'") && wrong.getMessage().contains("GATEHOUSE_FEATURES"),
                wrong.getMessage());
    }
}
