package dev.gatehouse.oauth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roles claim as operators write it: a name, a dotted path, a claim whose name has dots. */
class ClaimPathTest {

    static final Map<String, Object> CLAIMS = Map.of(
            "groups", List.of("staff", " admins ", "staff", 42, ""),
            "role", "admin",
            "realm_access", Map.of("roles", List.of("offline_access", "gatehouse-admin")),
            "resource_access", Map.of("gatehouse", Map.of("roles", List.of("editor"))),
            "https://corp.example/roles", List.of("from-a-url-named-claim"));

    @Test
    void aClaimNameGivesItsStringsTrimmedOnceEach() {
        assertEquals(List.of("staff", "admins"), ClaimPath.values(CLAIMS, "groups"));
        assertEquals(List.of("admin"), ClaimPath.values(CLAIMS, "role"));
    }

    @Test
    void aDottedPathReachesNestedClaims() {
        assertEquals(List.of("offline_access", "gatehouse-admin"), ClaimPath.values(CLAIMS, "realm_access.roles"));
        assertEquals(List.of("editor"), ClaimPath.values(CLAIMS, "resource_access.gatehouse.roles"));
    }

    @Test
    void aClaimWhoseNameHasDotsIsFoundByItsWholeName() {
        assertEquals(List.of("from-a-url-named-claim"), ClaimPath.values(CLAIMS, "https://corp.example/roles"));
    }

    @Test
    void aPathToNothingOrToAnObjectGivesNoValues() {
        assertEquals(List.of(), ClaimPath.values(CLAIMS, "realm_access.missing"));
        assertEquals(List.of(), ClaimPath.values(CLAIMS, "realm_access"));
        assertEquals(List.of(), ClaimPath.values(CLAIMS, "role.deeper"));
        assertEquals(List.of(), ClaimPath.values(CLAIMS, ""));
    }
}
