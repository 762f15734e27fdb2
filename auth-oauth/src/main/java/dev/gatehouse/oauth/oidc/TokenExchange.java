package dev.gatehouse.oauth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.flow.Refusal;
import dev.gatehouse.oauth.flow.Text;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import java.util.List;

/**
 * The code for tokens at the token endpoint (client_secret_basic, or client_secret_post where the
 * provider takes only that, with the PKCE verifier), then every check of the ID token: signature
 * against the provider's keys, {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat} and
 * {@code nonce}. Tokens are used here and dropped; none is kept.
 */
final class TokenExchange {

    /** The validated ID token's claims, and the access token for the userinfo endpoint. */
    record Tokens(IDTokenClaimsSet idToken, AccessToken accessToken) {
    }

    private final OidcSettings settings;
    private final FlowSettings flow;

    TokenExchange(OidcSettings settings, FlowSettings flow) {
        this.settings = settings;
        this.flow = flow;
    }

    Tokens redeem(Discovery.Found found, String code, URI redirectUri, RoundTrip started) throws Refusal {
        String name = settings.displayName();
        TokenRequest request = new TokenRequest.Builder(found.metadata().getTokenEndpointURI(), authentication(found),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(started.codeVerifier())))
                .build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(flow.connectMillis());
        http.setReadTimeout(flow.readMillis());
        http.setFollowRedirects(false); // the code and our secret go to the token endpoint and nowhere else
        TokenResponse response;
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            throw new Refusal(Failure.UNAVAILABLE, name + " did not answer the sign-in in time or could not be reached ("
                    + Discovery.describe(e) + "); try again in a minute.");
        }
        try {
            response = OIDCTokenResponseParser.parse(answer);
        } catch (ParseException e) {
            throw new Refusal(answer.getStatusCode() >= 500 ? Failure.UNAVAILABLE : Failure.PROVIDER_ERROR,
                    name + " answered the sign-in with something that is not a token response (HTTP "
                            + answer.getStatusCode() + ").");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
            if (answer.getStatusCode() >= 500) {
                throw new Refusal(Failure.UNAVAILABLE, name + " had a problem finishing the sign-in (HTTP "
                        + answer.getStatusCode() + "); try again in a minute.");
            }
            String detail = error == null || error.getCode() == null ? "HTTP " + answer.getStatusCode()
                    : Text.clean(error.getCode());
            throw new Refusal(Failure.CODE_REJECTED, name + " refused the sign-in code (" + detail + "); it may have"
                    + " been used already or expired. Start again from the sign-in page.");
        }
        JWT idToken = response.toSuccessResponse() instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDToken()
                : null;
        if (idToken == null) {
            throw new Refusal(Failure.INVALID_TOKEN, name + " sent no ID token; is the 'openid' scope allowed for"
                    + " this client?");
        }
        return new Tokens(validate(found, idToken, started), response.toSuccessResponse().getTokens().getAccessToken());
    }

    private IDTokenClaimsSet validate(Discovery.Found found, JWT idToken, RoundTrip started) throws Refusal {
        String name = settings.displayName();
        IDTokenClaimsSet claims;
        try {
            claims = found.validator().validate(idToken, new Nonce(started.nonce()));
        } catch (BadJOSEException e) {
            throw invalid(e.getMessage());
        } catch (KeySourceException e) {
            throw new Refusal(Failure.UNAVAILABLE, name + "'s signing keys could not be fetched ("
                    + Discovery.describe(e) + "); try again in a minute.");
        } catch (JOSEException e) {
            throw invalid(e.getMessage());
        }
        // OIDC Core 3.1.3.7: with several audiences, azp must be present and name us.
        List<?> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !settings.clientId().equals(azp)) {
            throw invalid("the authorized party (azp) is not this client");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null || issuedAt.getTime() > System.currentTimeMillis() + flow.clockSkew().toMillis()) {
            throw invalid("it was issued in the future");
        }
        return claims;
    }

    private Refusal invalid(String why) {
        return new Refusal(Failure.INVALID_TOKEN, "The ID token from " + settings.displayName() + " failed a check ("
                + Text.clean(why) + "); start again from the sign-in page.");
    }

    /** client_secret_basic unless the provider announces only client_secret_post. */
    private ClientAuthentication authentication(Discovery.Found found) {
        ClientID id = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret().reveal());
        List<ClientAuthenticationMethod> methods = found.metadata().getTokenEndpointAuthMethods();
        if (methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(id, secret);
        }
        return new ClientSecretBasic(id, secret);
    }
}
