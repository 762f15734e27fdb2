package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.NotDuringSetup;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.access.SetupMode;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.api.apikeys.KeyOwners;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.PageLinks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's pages, rendered on the server from core's use cases. Every change a page offers
 * is made by its script through the JSON API, so the API's rules and messages are the page's.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PagesController {

    private final Assets assets;
    private final SetupMode setupMode;
    private final ListUsers listUsers;
    private final KeyOwners keyOwners;
    private final ManageSessions manageSessions;
    private final ListApiKeys listApiKeys;
    private final KeyPolicy keyPolicy;
    private final Clock clock;
    private final Register register;
    private final ReadPermissions readPermissions;
    private final ServerSettings settings;
    private final SignInChoices choices;
    private final SignInMethodsView methods;

    PagesController(Assets assets, SetupMode setupMode, ListUsers listUsers, KeyOwners keyOwners,
                    ManageSessions manageSessions, ListApiKeys listApiKeys, KeyPolicy keyPolicy, Clock clock,
                    Register register,
                    ReadPermissions readPermissions, ServerSettings settings, SignInChoices choices,
                    SignInMethodsView methods) {
        this.settings = settings;
        this.choices = choices;
        this.methods = methods;
        this.register = register;
        this.readPermissions = readPermissions;
        this.assets = assets;
        this.setupMode = setupMode;
        this.listUsers = listUsers;
        this.keyOwners = keyOwners;
        this.manageSessions = manageSessions;
        this.listApiKeys = listApiKeys;
        this.keyPolicy = keyPolicy;
        this.clock = clock;
    }

    @SignedIn
    @Get
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create(PageLinks.HOME));
    }

    @PublicRoute
    @NotDuringSetup
    @Get("/login")
    HttpResponse<?> login(@Nullable Caller signedIn, @Nullable @QueryValue String next,
                          @Nullable @QueryValue String error, @Nullable @QueryValue String provider) {
        if (setupMode.active()) {
            return HttpResponse.seeOther(URI.create("/setup"));
        }
        String target = PageLinks.safeNext(next, settings);
        if (signedIn != null) {
            return HttpResponse.seeOther(URI.create(target));
        }
        String through = choices.find(provider).map(SignInChoices.Provider::displayName).orElse("the provider");
        return page("login", new LoginPage(shell("Sign in", Optional.empty()), target,
                register.mode() != RegistrationMode.CLOSED, choices.providers(), choices.passwordLogin(),
                SignInProblem.message(error, through)));
    }

    @PublicRoute
    @Get("/setup")
    HttpResponse<?> setup(@Nullable Caller signedIn) {
        return page("setup", new SetupPage(shell("Set up", Optional.ofNullable(signedIn)), setupMode.active()));
    }

    @SignedIn
    @Get("/account")
    HttpResponse<?> account(Caller caller) {
        List<Session> sessions = manageSessions.list(caller.actor(), caller.user().username())
                instanceof ManageSessions.Sessions listed ? listed.sessions() : List.of();
        var rights = readPermissions.read(caller.actor(), caller.user().username());
        return page("account", AccountPage.of(shell("My Account", Optional.of(caller)), caller.user(), sessions,
                caller.session().map(Session::id), clock.instant(),
                rights instanceof ReadPermissions.Rights r ? r.effective() : null,
                methods.of(caller.actor(), caller.user().username())));
    }

    /** One user's features and models, for administrators to change. */
    @AdminOnly
    @Get("/admin/users/{username}")
    HttpResponse<?> user(Caller caller, String username) {
        Shell shell = shell(username, Optional.of(caller));
        Optional<Username> name = parse(username);
        var rights = name.isEmpty() ? null : readPermissions.read(caller.actor(), name.get());
        if (rights instanceof ReadPermissions.Rights found && caller.admin()) {
            return page("user", UserRightsPage.of(shell, found.effective(), found.settings(),
                    caller.actor().is(found.effective().username()), methods.of(caller.actor(), name.get())));
        }
        return page(HttpStatus.NOT_FOUND, "message", new MessagePage(shell, "No such user",
                "There is no user '" + username + "'. The list of users is on Manage Users."));
    }

    @AdminOnly
    @Get("/admin")
    HttpResponse<?> admin(Caller caller, @Nullable @QueryValue String after) {
        Shell shell = shell("Manage Users", Optional.of(caller));
        Optional<Username> from = parse(after);
        if (!(listUsers.page(caller.actor(), from, AdminPage.PAGE_SIZE) instanceof ListUsers.Page page)) {
            return page(HttpStatus.FORBIDDEN, "message", new MessagePage(shell, "Administrators only",
                    "Manage Users is for administrators. Ask one to give you the Admin role if you need it."));
        }
        Instant now = clock.instant();
        var identities = methods.labelsByUser(caller.actor());
        List<AdminPage.Row> rows = page.users().stream().map(u -> AdminPage.Row.of(u, caller.user(), now,
                SignInMethodsView.labels(identities, u.username().value()))).toList();
        return page("admin", new AdminPage(shell, rows, page.total(), from.map(Username::value).orElse(""),
                page.next().map(Username::value).orElse("")));
    }

    @SignedIn
    @Get("/tokens")
    HttpResponse<?> tokens(Caller caller) {
        List<ApiKey> keys = listApiKeys.list(caller.actor(), Optional.empty())
                instanceof ListApiKeys.Listed listed ? listed.keys() : List.of();
        Optional<KeyOwners.Found> owners = caller.admin()
                ? keyOwners.active(caller.actor(), ApiKeysPage.MAX_OWNERS) : Optional.empty();
        return page("tokens", ApiKeysPage.of(shell("API Keys", Optional.of(caller)), caller, keys,
                owners.map(KeyOwners.Found::names).orElse(List.of(caller.user().username().value())),
                owners.map(KeyOwners.Found::complete).orElse(true), keyPolicy.defaultLifetime(), clock.instant()));
    }

    private Shell shell(String title, Optional<Caller> caller) {
        return Shell.of(title, assets, caller);
    }

    private static Optional<Username> parse(String name) {
        try {
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(Username.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a hand-edited link: start at the first page
        }
    }

    private static HttpResponse<?> page(String view, Object model) {
        return page(HttpStatus.OK, view, model);
    }

    /** Pages show personal data: no cache keeps them. */
    static HttpResponse<?> page(HttpStatus status, String view, Object model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, Map.of("page", model)))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
