package dev.gatehouse.http.api.identities;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import dev.gatehouse.core.port.out.Stores;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's half of a provider round trip: the {@link RoundTrip} secrets (state, nonce, PKCE
 * verifier) and what to do after it (where to go next, the invite code, or the session a "Connect"
 * belongs to), in the cookie {@value #NAME}. It is sealed with AES-256-GCM under a key kept in the
 * store's secret keys, so the browser can neither read nor change it; it lives
 * {@link #LIFETIME}, is HttpOnly, SameSite=Lax (the callback is a top-level GET from the provider's
 * site, which Lax lets through and Strict would not), and Secure over TLS. Its path is its
 * provider's callback ({@code /auth/NAME/callback}): no other route (not /auth/verify, which a proxy
 * asks with the browser's cookies) sees it, and round trips with two providers in two tabs do not
 * overwrite each other.
 *
 * <p>A state is accepted once: a replayed callback (the same cookie and code again) is refused
 * before the provider is asked.
 */
@Singleton
class RoundTripCookie {

    static final String NAME = "gatehouse_oauth";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String KEY_NAME = "oauth-round-trip-key";
    private static final byte[] CONTEXT = "gatehouse_oauth v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;

    /** What the callback needs, beside the provider's secrets. */
    record Contents(RoundTrip roundTrip, String next, Optional<String> invite, Optional<String> connectingSession) {
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> usedStates = new ConcurrentHashMap<>();

    RoundTripCookie(Stores stores, Clock clock) {
        this.clock = clock;
        this.key = new SecretKeySpec(stores.secrets().getOrCreate(KEY_NAME, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        }), "AES");
    }

    /** The cookie that carries {@code contents}. */
    Cookie seal(Contents contents, boolean secure) {
        RoundTrip trip = contents.roundTrip();
        String plain = String.join("\n", encode(trip.provider().value()), encode(trip.state()), encode(trip.nonce()),
                encode(trip.codeVerifier()), String.valueOf(trip.startedAt().toEpochMilli()), encode(contents.next()),
                encode(contents.invite().orElse("")), encode(contents.connectingSession().orElse("")));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] value = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return base(Base64.getUrlEncoder().withoutPadding().encodeToString(value), secure)
                    .path(callbackPath(trip.provider())).maxAge(LIFETIME.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The contents of {@code value} if it is a cookie this server sealed, for {@code provider}, not
     * older than {@link #LIFETIME}, and its state was not used before; marks the state used.
     */
    Optional<Contents> open(String value, ProviderName provider) {
        Optional<Contents> contents = unseal(value);
        Instant now = clock.instant();
        usedStates.values().removeIf(at -> at.isBefore(now.minus(LIFETIME)));
        return contents.filter(c -> c.roundTrip().provider().equals(provider))
                .filter(c -> !c.roundTrip().startedAt().isBefore(now.minus(LIFETIME)))
                .filter(c -> usedStates.putIfAbsent(c.roundTrip().state(), now) == null);
    }

    /** Removes {@code provider}'s cookie from the browser. */
    Cookie clear(ProviderName provider, boolean secure) {
        return base("", secure).path(callbackPath(provider)).maxAge(0);
    }

    /** The only path the cookie is sent to: the provider's callback. */
    static String callbackPath(ProviderName provider) {
        return "/auth/" + provider.value() + "/callback";
    }

    private Optional<Contents> unseal(String value) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= NONCE_BYTES + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            String plain = new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", -1);
            if (parts.length != 8) {
                return Optional.empty();
            }
            RoundTrip trip = new RoundTrip(ProviderName.of(decode(parts[0])), decode(parts[1]), decode(parts[2]),
                    decode(parts[3]), Instant.ofEpochMilli(Long.parseLong(parts[4])));
            return Optional.of(new Contents(trip, decode(parts[5]), Optional.of(decode(parts[6])).filter(s -> !s.isEmpty()),
                    Optional.of(decode(parts[7])).filter(s -> !s.isEmpty())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // changed, truncated, from another server: not ours
        }
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.of(NAME, value).httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
