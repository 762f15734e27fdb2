package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ImportApiKeys;
import dev.gatehouse.core.port.in.ListUsers;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse token import}: llmux's keys, kept working as legacy, read-only keys. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import llmux's API keys so they keep working with their old secret. They are legacy and"
                + " read-only: listed, renamable and revocable, never made anew. Running it again imports only what"
                + " is new.",
                "v2 tokens.json (sas_... keys): same id, name, owner and times; the owners must be users here first.",
                "v1 auth.json (shared keys in plain text, no owner): each key is stored only as its digest and belongs"
                + " to --owner, by default the oldest active administrator."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token import --from llmux:~/.local/share/llmux/v2/tokens.json",
                  "  gatehouse token import --from llmux:~/.local/share/llmux/v2       # the directory works too",
                  "  gatehouse token import --from llmux:~/.local/state/llmux/auth.json --owner ci"})
final class ImportApiKeysCommand extends CliCommand {

    static final String LLMUX = "llmux:";

    @Option(names = "--from", paramLabel = "SOURCE", required = true,
            description = "Where the keys are: llmux:PATH, PATH being llmux's v2 tokens.json, its v1 auth.json, or"
                    + " the directory holding one.")
    String from;

    @Option(names = "--owner", paramLabel = "NAME",
            description = "Who owns the keys of a v1 auth.json (default: the oldest active administrator). The keys"
                    + " act with this user's rights and stop when the user is locked or removed.")
    Username owner;

    @Override
    public Integer call() {
        if (!from.startsWith(LLMUX)) {
            throw new UsageException("--from '" + from + "' is not a source this version reads; give"
                    + " llmux:PATH (llmux's v2 tokens.json or v1 auth.json).");
        }
        Invocation invocation = invocation();
        Path path = LlmuxKeysFile.file(invocation.directory(from.substring(LLMUX.length()), "--from"));
        try (CliWiring app = invocation.open()) {
            LlmuxKeysFile.Contents contents = LlmuxKeysFile.read(path, () -> v1Owner(app).value());
            if (!contents.v1() && owner != null) {
                throw new UsageException("--owner is for llmux v1 auth.json files; the keys of " + path
                        + " name their owners.");
            }
            ImportApiKeys.Report report = app.useCases().importApiKeys().importKeys(invocation.actor(), LLMUX + path,
                    contents.entries());
            String kind = contents.v1() ? " llmux v1 key" : " llmux key";
            String keptFor = contents.entries().stream().findFirst().map(e -> " for " + e.owner()).orElse("");
            invocation.say("Imported " + report.imported() + kind + (report.imported() == 1 ? "" : "s") + " from " + path
                    + (contents.v1() ? keptFor : "")
                    + (report.alreadyPresent() > 0 ? "; " + report.alreadyPresent() + " already here" : "")
                    + ". They are legacy keys: they keep working and cannot be made anew.");
            if (report.redated() > 0) {
                invocation.say(report.redated() + (report.redated() == 1 ? " key is" : " keys are") + " dated from"
                        + " its owner's account here, which is newer: a key older than its owner's account does not work.");
            }
            contents.problems().forEach(line -> invocation.err().println("Skipped " + line + "."));
            report.skipped().forEach(line -> invocation.err().println("Skipped " + line + "."));
            invocation.err().flush();
            return report.skipped().isEmpty() && contents.problems().isEmpty() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }

    /** The owner of v1 keys: {@code --owner}, else the oldest active administrator. */
    private Username v1Owner(CliWiring app) {
        if (owner != null) {
            return owner;
        }
        ListUsers.Listed all = (ListUsers.Listed) app.useCases().listUsers().list(Actor.operator());
        return Pairing.oldestActiveAdministrator(all.users()).orElseThrow(() -> new UsageException("llmux v1 keys"
                + " need an owner and there is no active administrator yet; add one ('gatehouse user add admin"
                + " --admin') or name the owner with --owner NAME."));
    }
}
