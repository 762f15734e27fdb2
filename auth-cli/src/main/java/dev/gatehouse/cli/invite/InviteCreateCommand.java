package dev.gatehouse.cli.invite;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.Refused;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse invite create}: makes an invite and prints its link, the only time it is shown. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an invite and print its registration link. The link is shown only now: Gatehouse keeps"
                + " only a digest of its code.",
        footerHeading = "%nExample:%n",
        footer = "  gatehouse invite create --email bob@example.org --uses 1 --expires 7d --base-url https://ai.example.org")
final class InviteCreateCommand extends CliCommand {

    @Option(names = "--email", paramLabel = "EMAIL",
            description = "Only someone registering with this address may use it (it also verifies the address).")
    String email;

    @Option(names = "--uses", paramLabel = "N", description = "How many people may register with it (default 1).")
    Integer uses;

    @Option(names = "--expires", paramLabel = "DURATION", description = "How long it is good for, e.g. 2d (default 7d).")
    String expires;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The server's address as people open it, e.g. https://ai.example.org; without it the link"
                    + " is a path.")
    String baseUrl;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        Optional<java.time.Duration> lifetime;
        try {
            lifetime = Optional.ofNullable(expires).map(HumanDuration::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--expires: " + e.getMessage());
        }
        try (CliWiring app = invocation.open()) {
            CreateInvite.Result result = app.useCases().createInvite().create(new CreateInvite.Command(invocation.actor(),
                    Optional.ofNullable(email), Optional.ofNullable(uses), lifetime));
            if (result instanceof CreateInvite.Created created) {
                String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
                invocation.say("Created invite " + created.invite().id() + " (expires "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
                                .format(created.invite().expiresAt().atZone(invocation.environment().zone()))
                        + "). Its link, shown only now:");
                invocation.out().println(base + "/register?invite=" + created.code());
                invocation.out().flush();
                return ExitCodes.OK;
            }
            return invocation.refused("create an invite", (Refused) result);
        }
    }
}
