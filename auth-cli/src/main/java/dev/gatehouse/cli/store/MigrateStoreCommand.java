package dev.gatehouse.cli.store;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.migration.CopyStores;
import dev.gatehouse.core.service.migration.CopyStoresResult;
import dev.gatehouse.http.wiring.StoreUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse store migrate}: copies everything from one store into another, repeatably. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy everything from one store into another: users with their passwords, sessions,"
                       + " audit events and secret keys.",
                       "Safe to run again: what the target already has is not copied twice; a user the target"
                       + " has in another version keeps the target's version (--replace-existing takes the source's),"
                       + " and sessions move only with their user's first copy. Nothing is deleted from either store.",
                       "If the target already has a different token key, sessions are not copied (their users sign"
                       + " in again); the command says so."},
        footerHeading = "%nExamples:%n",
        footer = {"  # llms.py's users into Gatehouse's database; their passwords keep working",
                  "  gatehouse store migrate --from json:~/.llms/user/default/credentials \\",
                  "      --to sqlite:~/.gatehouse/gatehouse.db",
                  "  gatehouse store migrate --from sqlite:~/.gatehouse/gatehouse.db \\",
                  "      --to postgres://gh:secret@db:5432/gatehouse --json",
                  "",
                  "Stores: " + StoreUrl.SUPPORTED + ".",
                  "Progress is shown on standard error when it is a terminal. Stop whatever",
                  "writes to the source (the server) before the last run, so nothing changes",
                  "after it was copied."})
final class MigrateStoreCommand extends CliCommand {

    @Option(names = "--from", required = true, paramLabel = "URL", description = "The store to copy from; it must exist.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "The store to copy into; created if missing.")
    String to;

    @Option(names = "--replace-existing", description = "Overwrite users the target has in another version"
            + " with the source's (by default the target's version is kept and counted in a warning).")
    boolean replaceExisting;

    @Option(names = "--json", description = "Print what was copied as a JSON object instead of a sentence.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        StoreUrl source = invocation.storeUrl(from);
        StoreUrl target = invocation.storeUrl(to);
        if (source.samePlaceAs(target)) {
            throw new UsageException("--from and --to are the same store (" + source + "); copying a store into"
                    + " itself changes nothing. Name the store to copy into with --to.");
        }
        MigrationProgress progress = MigrationProgress.on(invocation.err(), invocation.terminal().stderrIsTerminal());
        CopyStoresResult result;
        try (Stores in = source.openExisting(); Stores out = target.open()) {
            result = copy(in, out, progress, source, target);
        }
        result.warnings().forEach(warning -> invocation.err().println("gatehouse: warning: " + warning));
        invocation.err().flush();
        invocation.say(json ? MigrationReport.json(result, source, target) : MigrationReport.sentence(result, source, target));
        return ExitCodes.OK;
    }

    private CopyStoresResult copy(Stores in, Stores out, MigrationProgress progress, StoreUrl source, StoreUrl target) {
        try {
            return new CopyStores(CopyStores.DEFAULT_BATCH_SIZE, replaceExisting).copy(in, out, progress);
        } catch (StoreException e) {
            throw new StoreException("Copying " + source + " to " + target + " stopped: " + e.getMessage()
                    + " What was copied so far stays; run the same command again to finish.", e);
        } finally {
            progress.endLine();
        }
    }
}
