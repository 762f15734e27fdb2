package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse token import}: llmux's v2 keys, kept working as legacy, read-only keys. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import llmux's v2 API keys (sas_...) so they keep working: same id, name, owner, times and"
                + " secret. They are legacy and read-only: listed, renamable and revocable, never made anew. Their"
                + " owners must be users here first. Running it again imports only what is new.",
                "llmux's v1 auth.json tokens have no owner; keep them as static keys in GATEHOUSE_API_KEYS."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse token import --from llmux:~/.local/share/llmux/v2/tokens.json",
                  "  gatehouse token import --from llmux:~/.local/share/llmux/v2       # the directory works too"})
final class ImportTokensCommand extends CliCommand {

    static final String LLMUX = "llmux:";

    @Option(names = "--from", paramLabel = "SOURCE", required = true,
            description = "Where the keys are: llmux:PATH, PATH being llmux's v2 tokens.json or its directory.")
    String from;

    @Override
    public Integer call() {
        if (!from.startsWith(LLMUX)) {
            throw new UsageException("--from '" + from + "' is not a source this version reads; give"
                    + " llmux:PATH/tokens.json (llmux v2's keys).");
        }
        Invocation invocation = invocation();
        Path path = LlmuxTokensFile.file(StoreUrl.directory(from.substring(LLMUX.length()),
                invocation.environment().userHome(), "--from"));
        List<LlmuxTokensFile.Entry> entries = LlmuxTokensFile.read(path);
        try (CliWiring app = invocation.open()) {
            LlmuxImport.Report report = app.llmuxImport().run(entries, invocation.actor(), LLMUX + path);
            invocation.say("Imported " + report.imported() + (report.imported() == 1 ? " llmux key" : " llmux keys")
                    + " from " + path + (report.alreadyPresent() > 0 ? "; " + report.alreadyPresent() + " already here" : "")
                    + ". They are legacy keys: they keep working and cannot be made anew.");
            if (report.redated() > 0) {
                invocation.say(report.redated() + (report.redated() == 1 ? " key is" : " keys are") + " dated from"
                        + " its owner's account here, which is newer: a key older than its owner's account does not work.");
            }
            report.skipped().forEach(line -> invocation.err().println("Skipped " + line + "."));
            invocation.err().flush();
            return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }
}
