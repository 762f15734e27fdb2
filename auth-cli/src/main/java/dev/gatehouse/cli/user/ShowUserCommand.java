package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.TextColumns;
import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.cli.support.UserTable;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user show}: one account in full, with the identities at providers that sign in to it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one user: roles, status, times, how they can sign in, and the identities at providers"
                + " (GitHub, OpenID Connect) linked to the account.",
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user show alice",
                  "  gatehouse user show alice --json | jq -r '.identities[].provider'",
                  "",
                  "JSON: the fields of user list --json, plus identities[]: provider, subject",
                  "(the provider's stable id), login, email?, linked, lastUsed?."})
public final class ShowUserCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The user to show.")
    Username username;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        String what = "show '" + username + "'";
        try (CliWiring app = invocation.open()) {
            Optional<User> user = ListUsersCommand.find(app, invocation, username);
            if (user.isEmpty()) {
                return invocation.refused(what, Refused.noSuchUser(username));
            }
            ListSignInMethods.Result result = app.useCases().listSignInMethods().list(invocation.actor(), username);
            if (result instanceof Refused refused) {
                return invocation.refused(what, refused);
            }
            List<IdentityLink> links = ((ListSignInMethods.Methods) result).links();
            if (json) {
                invocation.say(json(user.get(), links));
            } else {
                text(invocation, user.get(), links).forEach(invocation::say);
            }
            return ExitCodes.OK;
        }
    }

    private static List<String> text(Invocation invocation, User user, List<IdentityLink> links) {
        UserTable table = new UserTable(invocation.environment().zone(), invocation.environment().clock().instant());
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Username:", user.username().value()});
        user.email().ifPresent(email -> facts.add(new String[] {"Email:", email}));
        facts.add(new String[] {"Roles:", UserTable.roles(user)});
        facts.add(new String[] {"Status:", UserTable.status(user.status())});
        facts.add(new String[] {"Created:", table.created(user)});
        facts.add(new String[] {"Last login:", table.lastLogin(user)});
        facts.add(new String[] {"Sign-in:", String.join(", ", UserTable.signIn(user, links))});
        List<String> lines = new ArrayList<>(TextColumns.lines(facts));
        lines.add("");
        if (links.isEmpty()) {
            lines.add("No identity at a provider is linked to '" + user.username() + "'.");
            return lines;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROVIDER", "LOGIN", "EMAIL", "LINKED", "LAST USED"});
        for (IdentityLink link : links) {
            rows.add(new String[] {link.provider().value(), link.login(), link.email().orElse("-"),
                    table.local(link.linkedAt()), link.lastUsedAt().map(table::ago).orElse("never")});
        }
        lines.addAll(TextColumns.lines(rows));
        return lines;
    }

    private static String json(User user, List<IdentityLink> links) {
        StringBuilder object = UserJson.open(user, links);
        UserJson.field(object, "identities", links.stream().map(ShowUserCommand::json)
                .collect(Collectors.joining(", ", "[", "]")));
        return object.append('}').toString().strip();
    }

    private static String json(IdentityLink link) {
        StringBuilder object = new StringBuilder("{");
        UserJson.field(object, "provider", UserJson.string(link.provider().value()));
        UserJson.field(object, "subject", UserJson.string(link.subject()));
        UserJson.field(object, "login", UserJson.string(link.login()));
        link.email().ifPresent(email -> UserJson.field(object, "email", UserJson.string(email)));
        UserJson.field(object, "linked", UserJson.string(link.linkedAt().toString()));
        link.lastUsedAt().ifPresent(at -> UserJson.field(object, "lastUsed", UserJson.string(at.toString())));
        return object.append('}').toString();
    }
}
