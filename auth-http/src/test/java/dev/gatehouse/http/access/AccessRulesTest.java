package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.forwardauth.AccessRules;
import dev.gatehouse.http.forwardauth.RouteMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's permission settings as the environment gives them, and clear errors for bad ones. */
class AccessRulesTest {

    @Test
    void unmatchedRoutesAreRefusedToRestrictedCallersUnlessTheOperatorSaysOtherwise() {
        assertEquals(AccessRules.Unmatched.RESTRICTED, AccessRules.fromEnvironment(Map.of()).unmatched());
        assertEquals(AccessRules.Unmatched.DENY,
                AccessRules.fromEnvironment(Map.of("GATEHOUSE_UNMATCHED_ROUTES", "deny")).unmatched());
        assertEquals(AccessRules.Unmatched.ALLOW,
                AccessRules.fromEnvironment(Map.of("GATEHOUSE_UNMATCHED_ROUTES", "allow")).unmatched());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> AccessRules.fromEnvironment(Map.of("GATEHOUSE_UNMATCHED_ROUTES", "block")));
        assertEquals("GATEHOUSE_UNMATCHED_ROUTES must be restricted (the default: paths no rule maps are refused to"
                + " callers with any restriction and to keys with scopes), deny (only administrators) or allow (any"
                + " signed-in caller but keys with scopes), not 'block'.", wrong.getMessage());
    }

    @Test
    void aRuleMayNameNoFeatureOrAModelTheCheckCannotSee() {
        RouteMap routes = RouteMap.parse("GET /status=-, /ws=chat!", false);
        assertEquals(new RouteMap.Match(java.util.Optional.empty(), java.util.Optional.empty(), false, false),
                routes.match("GET", "/status").orElseThrow());
        assertEquals(new RouteMap.Match(java.util.Optional.of("chat"), java.util.Optional.empty(), true, false),
                routes.match("GET", "/ws").orElseThrow());
        assertTrue(routes.match("POST", "/status").isEmpty(), "the method counts");
        assertTrue(RouteMap.parse("/admin/**=@admin", false).match("POST", "/admin/x").orElseThrow().adminOnly());
        assertThrows(IllegalArgumentException.class, () -> RouteMap.parse("/x=-!", false));
    }

    @Test
    void aRouteNamingAFeatureOutsideTheListStopsTheStartNamingBoth() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> AccessRules.fromEnvironment(
                Map.of("GATEHOUSE_FEATURES", "chat", "GATEHOUSE_ROUTES", "POST /v1/agents=agents")));
        assertTrue(wrong.getMessage().contains("'agents'") && wrong.getMessage().contains("GATEHOUSE_FEATURES"),
                wrong.getMessage());
    }

    @Test
    void everyBuiltInRuleIsListedInTheConfigurationGuide() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/configuration.md"));
        for (String rule : RouteMap.DEFAULTS) {
            String route = rule.substring(0, rule.lastIndexOf('='));
            String target = rule.substring(rule.lastIndexOf('=') + 1).replace("!", "");
            String row = guide.lines().filter(line -> line.startsWith("| ") && line.contains("`" + route + "`")).findFirst().orElse("");
            assertTrue(row.startsWith("| `" + target + "`") || target.equals("-") && row.startsWith("| none (`-`)")
                    || target.equals("@admin") && row.startsWith("| administrators only (`@admin`)"),
                    "docs/configuration.md must list " + rule + " in the row of " + target + ": " + row);
        }
    }
}
