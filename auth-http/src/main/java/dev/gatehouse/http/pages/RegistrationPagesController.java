package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.NotDuringSetup;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.PageLinks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The pages of registration: the form, the waiting page, and administrators' pending users and invites. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationPagesController {

    private final Assets assets;
    private final Register register;
    private final ListUsers listUsers;
    private final ListInvites listInvites;
    private final Clock clock;
    private final SignInChoices choices;

    RegistrationPagesController(Assets assets, Register register, ListUsers listUsers, ListInvites listInvites,
                                Clock clock, SignInChoices choices) {
        this.choices = choices;
        this.assets = assets;
        this.register = register;
        this.listUsers = listUsers;
        this.listInvites = listInvites;
        this.clock = clock;
    }

    @PublicRoute
    @NotDuringSetup
    @Get("/register")
    HttpResponse<?> register(@Nullable Caller signedIn, @Nullable @QueryValue String invite) {
        if (signedIn != null) {
            return HttpResponse.seeOther(URI.create(PageLinks.HOME));
        }
        String code = invite == null ? "" : invite.strip();
        return page("register", new RegisterPage(shell("Register", Optional.empty()), register.mode(),
                code.matches("[A-Za-z0-9_]{1,64}") ? code : "", choices.providers(), choices.passwordLogin()));
    }

    /** Where a pending account's sign-in lands: no session, only this word. */
    @PublicRoute
    @Get("/waiting")
    HttpResponse<?> waiting() {
        return page("waiting", new MessagePage(shell("Waiting for approval", Optional.empty()), "Waiting for approval",
                "Your account is registered and waits for an administrator's approval. Once approved, you can sign in."));
    }

    @AdminOnly
    @Get("/admin/pending")
    HttpResponse<?> pending(Caller caller) {
        Instant now = clock.instant();
        List<PendingPage.Row> rows = listUsers.list(caller.actor()) instanceof ListUsers.Listed listed
                ? listed.users().stream().filter(u -> u.status() instanceof UserStatus.Pending)
                .map(u -> PendingPage.Row.of(u, now)).toList() : List.of();
        return page("pending", new PendingPage(shell("Pending Approval", Optional.of(caller)), register.mode().label(),
                rows));
    }

    @AdminOnly
    @Get("/admin/invites")
    HttpResponse<?> invites(Caller caller) {
        Instant now = clock.instant();
        List<InvitesPage.Row> rows = listInvites.list(caller.actor()) instanceof ListInvites.Listed listed
                ? listed.invites().stream().map(i -> InvitesPage.Row.of(i, now)).toList() : List.of();
        return page("invites", new InvitesPage(shell("Invites", Optional.of(caller)), register.mode().label(), rows));
    }

    private Shell shell(String title, Optional<Caller> caller) {
        return Shell.of(title, assets, caller);
    }

    private static HttpResponse<?> page(String view, Object model) {
        return PagesController.page(HttpStatus.OK, view, model);
    }
}
