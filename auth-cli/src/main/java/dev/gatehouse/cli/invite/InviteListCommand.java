package dev.gatehouse.cli.invite;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.TextColumns;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.Refused;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code gatehouse invite list}: every invite, newest first, with its status and who used it. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List invites, newest first: status, uses, the address one is bound to, who registered with it.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse invite list")
final class InviteListCommand extends CliCommand {

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        try (CliWiring app = invocation.open()) {
            ListInvites.Result result = app.useCases().listInvites().list(invocation.actor());
            if (!(result instanceof ListInvites.Listed listed)) {
                return invocation.refused("list invites", (Refused) result);
            }
            Instant now = invocation.environment().clock().instant();
            if (listed.invites().isEmpty()) {
                invocation.say("No invites.");
                return ExitCodes.OK;
            }
            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            ZoneId zone = invocation.environment().zone();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"ID", "CODE", "STATUS", "USED", "EXPIRES", "FOR", "USED BY"});
            for (Invite invite : listed.invites()) {
                rows.add(new String[]{invite.id().value(), invite.displayPrefix() + "…", invite.status(now).label(),
                        invite.uses().size() + "/" + invite.maxUses(), local.format(invite.expiresAt().atZone(zone)),
                        invite.email().orElse("anyone"),
                        invite.uses().stream().map(u -> u.username().value()).collect(Collectors.joining(", "))});
            }
            TextColumns.lines(rows).forEach(invocation.out()::println);
            invocation.out().flush();
            return ExitCodes.OK;
        }
    }
}
