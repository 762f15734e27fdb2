package dev.gatehouse.oauth.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.flow.Refusal;
import dev.gatehouse.oauth.flow.Text;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the validated ID token says the person is, completed from the userinfo endpoint when the
 * token lacks the email or the roles claim (its {@code sub} must be the token's): login is
 * {@code preferred_username}, else the email, else {@code sub}; groups are the values at the
 * operator's roles claim.
 */
final class IdentityClaims {

    private final OidcSettings settings;
    private final FlowSettings flow;

    IdentityClaims(OidcSettings settings, FlowSettings flow) {
        this.settings = settings;
        this.flow = flow;
    }

    ExternalIdentity identity(Discovery.Found found, TokenExchange.Tokens tokens, RoundTrip started) throws Refusal {
        Map<String, Object> claims = new HashMap<>(tokens.idToken().toJSONObject());
        String subject = tokens.idToken().getSubject().getValue();
        URI userInfoAt = found.metadata().getUserInfoEndpointURI();
        boolean wantsEmail = settings.scopes().contains("email") && !claims.containsKey("email");
        boolean wantsGroups = !ClaimPath.present(claims, settings.rolesClaim());
        if ((wantsEmail || wantsGroups) && userInfoAt != null && tokens.accessToken() instanceof BearerAccessToken bearer) {
            // The ID token's claims win; userinfo only fills in what the token left out.
            Map<String, Object> merged = new HashMap<>(userInfo(userInfoAt, bearer, subject));
            // A verified flag speaks for the address beside it only: never one answer's flag for the other's address.
            if (!claims.containsKey("email")) {
                claims.remove("email_verified");
            } else if (!Objects.equals(claims.get("email"), merged.get("email"))) {
                merged.remove("email_verified");
            }
            merged.putAll(claims);
            claims = merged;
        }
        Optional<String> email = text(claims.get("email")).flatMap(Text::emailAddress);
        boolean verified = email.isPresent() && isTrue(claims.get("email_verified"));
        if (settings.requireVerifiedEmail() && !verified) {
            throw new Refusal(Failure.EMAIL_UNVERIFIED, settings.displayName() + " did not vouch for an email address"
                    + " of yours" + (email.isPresent() ? " (the one it has is not verified)" : "")
                    + "; verify it there, then sign in again.");
        }
        String login = text(claims.get("preferred_username")).or(() -> email).orElse(subject);
        try {
            return new ExternalIdentity(settings.name(), subject, login, email, verified,
                    ClaimPath.values(claims, settings.rolesClaim()), text(claims.get("name")));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Failure.PROVIDER_ERROR, settings.displayName() + " described you in a way that cannot be"
                    + " used (" + e.getMessage() + ").");
        }
    }

    private Map<String, Object> userInfo(URI endpoint, AccessToken token, String subject) throws Refusal {
        HTTPRequest http = new UserInfoRequest(endpoint, (BearerAccessToken) token).toHTTPRequest();
        http.setConnectTimeout(flow.connectMillis());
        http.setReadTimeout(flow.readMillis());
        http.setFollowRedirects(false);
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            throw new Refusal(Failure.UNAVAILABLE, settings.displayName() + "'s userinfo endpoint did not answer in time"
                    + " (" + Discovery.describe(e) + "); try again in a minute.");
        }
        try {
            UserInfoResponse response = UserInfoResponse.parse(answer);
            if (!response.indicatesSuccess()) {
                throw new Refusal(answer.getStatusCode() >= 500 ? Failure.UNAVAILABLE : Failure.PROVIDER_ERROR,
                        settings.displayName() + " refused to describe you (userinfo HTTP " + answer.getStatusCode() + ").");
            }
            UserInfo info = response.toSuccessResponse().getUserInfo();
            if (info == null) {
                return Map.of(); // a signed or encrypted userinfo answer: not used, the ID token stands alone
            }
            if (!subject.equals(info.getSubject().getValue())) {
                throw new Refusal(Failure.INVALID_TOKEN, settings.displayName() + " described someone else at its"
                        + " userinfo endpoint than in the ID token; start again from the sign-in page.");
            }
            return info.toJSONObject();
        } catch (ParseException e) {
            throw new Refusal(Failure.PROVIDER_ERROR, settings.displayName() + "'s userinfo answer could not be read.");
        }
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    /** {@code true}, or the string "true" that some providers send. */
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String s && s.equalsIgnoreCase("true"));
    }
}
