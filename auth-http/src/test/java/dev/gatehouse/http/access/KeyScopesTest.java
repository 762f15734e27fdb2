package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which scopes are narrower than others, kind by kind; anything a wider key could not do is refused. */
class KeyScopesTest {

    @Test
    void narrowerMeansWithinEveryKindTheOuterKeyLimits() {
        assertTrue(KeyScopes.narrower(Set.of("chat"), Set.of("chat")));
        assertTrue(KeyScopes.narrower(Set.of("audio_*"), Set.of("audio_speech", "audio_t*")));
        assertTrue(KeyScopes.narrower(Set.of("models:llama-*"), Set.of("models:llama-3", "chat")),
                "the outer key limits no feature, so the inner one may name any");
        assertTrue(KeyScopes.narrower(Set.of("models:l*a"), Set.of("models:llama")));
        assertTrue(KeyScopes.narrower(Set.of("gatehouse:manage", "chat"), Set.of("gatehouse:manage")));
    }

    @Test
    void widerInAnyKindIsRefused() {
        assertFalse(KeyScopes.narrower(Set.of("chat"), Set.of()), "no scopes: all rights");
        assertFalse(KeyScopes.narrower(Set.of("chat"), Set.of("ch*")));
        assertFalse(KeyScopes.narrower(Set.of("chat", "models:llama-*"), Set.of("chat")), "every model");
        assertFalse(KeyScopes.narrower(Set.of("models:llama-*"), Set.of("chat")), "every model");
        assertFalse(KeyScopes.narrower(Set.of("models:l*a"), Set.of("models:l*")));
        assertFalse(KeyScopes.narrower(Set.of("models:l*a*"), Set.of("models:lx*")), "a star inside: not a plain prefix");
        assertFalse(KeyScopes.narrower(Set.of("chat"), Set.of("chat", "gatehouse:manage")));
        assertFalse(KeyScopes.narrower(Set.of("g*"), Set.of("gatehouse:manage")));
        assertFalse(KeyScopes.narrower(Set.of("gatehouse:manage"), Set.of("gatehouse:manage", "chat")),
                "the management scope grants no feature, so a key with only it may not make one that chats");
    }
}
