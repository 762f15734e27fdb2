package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.cli.support.UserTable;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.ListIdentityLinks;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse user list}: every account with roles, status, creation, last sign-in and ways to sign in. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {"List every user with roles, status, creation time and last sign-in.",
                       "A SIGN-IN column shows how each can sign in (password, github:octocat)"
                       + " once anybody has an identity at a provider linked."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user list",
                  "  gatehouse user list --json | jq -r '.[] | select(.status == \"Locked\")'",
                  "",
                  "JSON fields: username, email?, roles[], status (Active, Locked or Pending),",
                  "lockReason?, lockedAt?, created, lastLogin?, lastIp?, signIn[] (\"password\"",
                  "and \"provider:login\" per linked identity). Times are ISO-8601 in UTC;",
                  "fields marked ? appear only when known."})
public final class ListUsersCommand extends CliCommand {

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        return run(invocation(), json ? Format.JSON : Format.TABLE);
    }

    /** How to print the users. */
    public enum Format { TABLE, JSON, LLMS_PY }

    public static int run(Invocation invocation, Format format) {
        try (CliWiring app = invocation.open()) {
            ListUsers.Result result = app.useCases().listUsers().list(invocation.actor());
            if (result instanceof Refused refused) {
                return invocation.refused("list users", refused);
            }
            Map<Username, List<IdentityLink>> links = Map.of();
            if (format != Format.LLMS_PY) {
                ListIdentityLinks.Result linked = app.useCases().listIdentityLinks().listAll(invocation.actor());
                if (linked instanceof Refused refused) {
                    return invocation.refused("list users' sign-in methods", refused);
                }
                links = byUser(((ListIdentityLinks.Listed) linked).links());
            }
            print(invocation, ((ListUsers.Listed) result).users(), links, format);
            return ExitCodes.OK;
        }
    }

    /** Each account's links, oldest first as an account lists them. */
    private static Map<Username, List<IdentityLink>> byUser(List<IdentityLink> links) {
        return links.stream().sorted(java.util.Comparator.comparing(IdentityLink::linkedAt))
                .collect(Collectors.groupingBy(IdentityLink::username));
    }

    static void print(Invocation invocation, List<User> users, Map<Username, List<IdentityLink>> links, Format format) {
        if (format == Format.JSON) {
            invocation.say(UserJson.array(users, links));
            return;
        }
        if (users.isEmpty()) {
            invocation.say("No users yet; add the first administrator with: gatehouse user add admin");
            return;
        }
        UserTable table = new UserTable(invocation.environment().zone(), invocation.environment().clock().instant());
        (format == Format.LLMS_PY ? table.llmsPy(users) : table.table(users, links)).forEach(invocation::say);
    }

    /** The user named, looked up through the ListUsers use case; empty if there is none. */
    static Optional<User> find(CliWiring app, Invocation invocation, Username username) {
        ListUsers.Result result = app.useCases().listUsers().list(invocation.actor());
        if (result instanceof ListUsers.Listed listed) {
            return listed.users().stream().filter(user -> user.username().equals(username)).findFirst();
        }
        return Optional.empty();
    }
}
