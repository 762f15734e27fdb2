package dev.gatehouse.http.api.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.NotDuringSetup;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.PageLinks;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.http.web.SignInProviders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through a provider (docs/oauth.md, "The routes"): the buttons' list, the start of a
 * round trip ({@code GET /auth/NAME}, and from My Account {@code POST /auth/NAME/connect}), and the
 * callback the provider sends the browser back to. The round trip's secrets ride in the sealed
 * {@link RoundTripCookie}; the callback accepts nothing without it, and clears it whatever happens.
 * llms.py's {@code /auth/github} and {@code /auth/github/callback} are these routes.
 *
 * <p>A failure answers JSON ({@link ApiError}) to a client that asks for JSON and not HTML, and
 * otherwise sends the browser to {@code /login?error=CODE&provider=NAME}, where the code is the
 * lower-case name of the provider's {@link Failure} or core's {@link SignInWithProvider.Why}, or
 * one of {@code unknown_provider}, {@code no_base_url}, {@code round_trip_missing} (no cookie,
 * a changed one, another provider's, an expired one, a used one), {@code session_changed}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ProviderSignInController {

    /** A cookie naming the provider a session came through, for RP-initiated logout at sign-out. */
    static final String PROVIDER_COOKIE = "gatehouse_provider";

    private final SignInProviders providers;
    private final SignInWithProvider signInWithProvider;
    private final RoundTripCookie cookies;
    private final ClientFacts client;
    private final AuditTrail audit;
    private final ServerSettings settings;
    private final Clock clock;

    ProviderSignInController(SignInProviders providers, SignInWithProvider signInWithProvider, RoundTripCookie cookies,
                             ClientFacts client, AuditTrail audit, ServerSettings settings, Clock clock) {
        this.providers = providers;
        this.signInWithProvider = signInWithProvider;
        this.cookies = cookies;
        this.client = client;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** One sign-in button. */
    @Serdeable
    record ProviderView(String name, String displayName, String startUrl) {
    }

    /** The buttons, in order, and whether the password form is offered. */
    @Serdeable
    record ProvidersView(List<ProviderView> providers, boolean passwordLogin) {
    }

    @PublicRoute
    @NotDuringSetup
    @JsonApi
    @Get("/api/auth/providers")
    ProvidersView list() {
        return new ProvidersView(providers.all().stream().map(p -> new ProviderView(p.name().value(), p.displayName(),
                SignInProviders.startPath(p))).toList(), providers.passwordLogin());
    }

    @PublicRoute
    @NotDuringSetup
    @Get("/auth/{provider}")
    @JsonApi
    @Produces(MediaType.ALL) // a browser's page view, or a client asking for JSON; /auth/verify (all too) still wins
    @ApiResponse(responseCode = "303", description = "To the provider's sign-in page; the round trip is kept in the sealed cookie gatehouse_oauth.")
    HttpResponse<?> start(HttpRequest<?> request, @PathVariable String provider, @Nullable @QueryValue String next,
                          @Nullable @QueryValue String invite) {
        String safeNext = PageLinks.safeNext(next, settings);
        return begin(request, provider, safeNext, Optional.ofNullable(invite).filter(i -> !i.isBlank()), Optional.empty());
    }

    @SignedIn
    @KeyRule(Keys.NONE)
    @Post("/auth/{provider}/connect")
    @JsonApi
    @Produces(MediaType.ALL) // a browser's page view, or a client asking for JSON; /auth/verify (all too) still wins
    @ApiResponse(responseCode = "303", description = "To the provider, to connect the identity to the signed-in account.")
    HttpResponse<?> connect(HttpRequest<?> request, Caller caller, @PathVariable String provider) {
        if (caller.session().isEmpty() || caller.impersonator().isPresent()) {
            return fail(request, provider, HttpStatus.FORBIDDEN, "not_allowed",
                    "Only a person signed in with their own session can connect a provider.", false);
        }
        return begin(request, provider, PageLinks.HOME, Optional.empty(),
                Optional.of(caller.session().get().id().value()));
    }

    private HttpResponse<?> begin(HttpRequest<?> request, String name, String next, Optional<String> invite,
                                  Optional<String> connecting) {
        Optional<IdentityProvider> provider = providers.find(name);
        if (provider.isEmpty()) {
            return fail(request, name, HttpStatus.NOT_FOUND, "unknown_provider",
                    "There is no sign-in provider called '" + printable(name) + "' here.", false);
        }
        Optional<URI> redirectUri = providers.redirectUri(provider.get(), request, client);
        if (redirectUri.isEmpty()) {
            return fail(request, name, HttpStatus.SERVICE_UNAVAILABLE, "no_base_url",
                    "The server does not know its public address (--base-url), so it cannot send you to "
                            + provider.get().displayName() + " and back.", false);
        }
        IdentityProvider.Redirect redirect;
        try {
            redirect = provider.get().begin(redirectUri.get());
        } catch (IllegalStateException unavailable) { // auth-oauth's ProviderUnavailableException
            audit(request, provider.get().name().value(), "unavailable", connecting.isPresent());
            return fail(request, name, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", provider.get().displayName()
                    + " cannot be reached right now; try again in a minute. " + oneLine(unavailable.getMessage()), false);
        }
        Cookie cookie = cookies.seal(new RoundTripCookie.Contents(redirect.roundTrip(), next, invite, connecting),
                client.secure(request));
        if (wantsJson(request)) {
            // My Account's script: a form post would carry no Origin (the pages' no-referrer policy) and
            // could not be redirected to the provider under form-action 'self'; the script goes there itself.
            return HttpResponse.ok(Map.of("location", redirect.location().toString()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE).cookie(cookie);
        }
        return HttpResponse.seeOther(redirect.location()).cookie(cookie);
    }

    @PublicRoute
    @NotDuringSetup
    @Get("/auth/{provider}/callback")
    @JsonApi
    @Produces(MediaType.ALL) // a browser's page view, or a client asking for JSON; /auth/verify (all too) still wins
    @ApiResponse(responseCode = "303", description = "Signed in (session cookie set) and on to `next`; connected (to /account);"
            + " waiting for approval (to /waiting); or refused (to /login?error=CODE&provider=NAME).")
    HttpResponse<?> callback(HttpRequest<?> request, @PathVariable String provider, @Nullable Caller caller) {
        Optional<IdentityProvider> found = providers.find(provider);
        if (found.isEmpty()) {
            return fail(request, provider, HttpStatus.NOT_FOUND, "unknown_provider",
                    "There is no sign-in provider called '" + printable(provider) + "' here.", true);
        }
        IdentityProvider idp = found.get();
        Optional<RoundTripCookie.Contents> trip = SessionCookie.token(request, RoundTripCookie.NAME)
                .flatMap(value -> cookies.open(value, idp.name()));
        if (trip.isEmpty()) {
            audit(request, provider, "round_trip_missing", false);
            return fail(request, provider, HttpStatus.BAD_REQUEST, "round_trip_missing", "This sign-in with "
                    + idp.displayName() + " was not started in this browser, was already used, or took too long."
                    + " Start again.", true);
        }
        RoundTripCookie.Contents contents = trip.get();
        boolean connecting = contents.connectingSession().isPresent();
        Optional<URI> redirectUri = providers.redirectUri(idp, request, client);
        if (redirectUri.isEmpty()) {
            return fail(request, provider, HttpStatus.SERVICE_UNAVAILABLE, "no_base_url",
                    "The server does not know its public address (--base-url).", true);
        }
        if (connecting && (caller == null || caller.session().isEmpty()
                || !caller.session().get().id().value().equals(contents.connectingSession().get()))) {
            audit(request, provider, "session_changed", true);
            return fail(request, provider, HttpStatus.FORBIDDEN, "session_changed", "You are no longer signed in as"
                    + " the person who asked to connect " + idp.displayName() + ". Sign in and connect it again.", true);
        }
        Optional<String> repeated = request.getParameters().names().stream()
                .filter(n -> request.getParameters().getAll(n).size() > 1).findFirst();
        if (repeated.isPresent()) { // which code, state or iss is meant? Neither: RFC 6749 allows each once
            audit(request, provider, "provider_error", connecting);
            return fail(request, provider, HttpStatus.BAD_REQUEST, "provider_error", "The answer from "
                    + idp.displayName() + " repeats the parameter '" + printable(repeated.get()) + "'. Start again.", true);
        }
        IdentityProvider.Outcome outcome = idp.complete(callbackParameters(request), contents.roundTrip(), redirectUri.get());
        if (outcome instanceof IdentityProvider.Failed failed) {
            String code = failed.why().name().toLowerCase(Locale.ROOT);
            audit(request, provider, code, connecting);
            return fail(request, provider, status(failed.why()), code, failed.message(), true);
        }
        IdentityProvider.Verified verified = (IdentityProvider.Verified) outcome;
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse("");
        SignInWithProvider.Command command = connecting
                ? SignInWithProvider.Command.connect(verified.identity(), caller.actor(), userAgent)
                : SignInWithProvider.Command.signIn(verified.identity(), contents.invite(), client.clientIp(request), userAgent);
        SignInWithProvider.Result result = signInWithProvider.signIn(command);
        if (result instanceof SignInWithProvider.SignedIn in) {
            MutableHttpResponse<?> answer = HttpResponse.seeOther(URI.create(contents.next()))
                    .cookie(cookies.clear(idp.name(), client.secure(request)));
            SessionCookie.issue(in.token(), in.session(), client.cookieScope(request), clock).forEach(answer::cookie);
            return answer.cookie(providerCookie(provider, client.secure(request)));
        }
        if (result instanceof SignInWithProvider.Connected) {
            return HttpResponse.seeOther(URI.create(PageLinks.HOME))
                    .cookie(cookies.clear(idp.name(), client.secure(request)));
        }
        if (result instanceof SignInWithProvider.AwaitingApproval) {
            return HttpResponse.seeOther(URI.create("/waiting"))
                    .cookie(cookies.clear(idp.name(), client.secure(request)));
        }
        SignInWithProvider.Refused refused = (SignInWithProvider.Refused) result;
        return fail(request, provider, HttpStatus.FORBIDDEN, refused.why().name().toLowerCase(Locale.ROOT),
                refused.message(), true);
    }

    /** The provider a session came through, read at sign-out; the name only, nothing secret. */
    private static Cookie providerCookie(String provider, boolean secure) {
        return Cookie.of(PROVIDER_COOKIE, provider).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure)
                .maxAge(ServerSettings.SESSION_LIFETIME.toSeconds());
    }

    private static Map<String, String> callbackParameters(HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        });
        return parameters;
    }

    private static HttpStatus status(Failure why) {
        return switch (why) {
            case UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case ACCESS_DENIED, NOT_ALLOWED, EMAIL_UNVERIFIED -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /**
     * A refusal, said to the client the way it asked: JSON to a client that wants JSON and not a
     * page, else a 303 to the sign-in page, which shows the message for {@code code}.
     */
    private MutableHttpResponse<?> fail(HttpRequest<?> request, String provider, HttpStatus status, String code,
                                        String message, boolean clearCookie) {
        MutableHttpResponse<?> answer;
        if (wantsJson(request)) {
            answer = ApiError.response(status, code, message).contentType(MediaType.APPLICATION_JSON_TYPE);
        } else {
            String name = providers.find(provider).map(p -> p.name().value()).orElse("");
            answer = HttpResponse.seeOther(URI.create("/login?error=" + code
                    + (name.isEmpty() ? "" : "&provider=" + URLEncoder.encode(name, StandardCharsets.UTF_8))));
        }
        Optional<IdentityProvider> known = providers.find(provider);
        return clearCookie && known.isPresent()
                ? answer.cookie(cookies.clear(known.get().name(), client.secure(request))) : answer;
    }

    private static boolean wantsJson(HttpRequest<?> request) {
        List<MediaType> accept = request.getHeaders().accept();
        return accept.stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE))
                && accept.stream().noneMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }

    /** The provider-side failures (core audits its own outcomes): the provider and why, never a subject or token. */
    private void audit(HttpRequest<?> request, String provider, String failure, boolean connecting) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", printable(provider));
        details.put("failure", failure);
        details.put("mode", connecting ? "connect" : "sign_in");
        audit.record("identity.round_trip", Actor.anonymous(client.clientIp(request)), null, Outcome.REFUSED, details);
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
