package dev.gatehouse.cli;

import dev.gatehouse.cli.apikeys.ApiKeyCommand;
import dev.gatehouse.cli.audit.AuditCommand;
import dev.gatehouse.cli.invite.InviteCommand;
import dev.gatehouse.cli.serve.ServeCommand;
import dev.gatehouse.cli.store.StoreCommand;
import dev.gatehouse.cli.support.CliLogging;
import dev.gatehouse.cli.support.Converters;
import dev.gatehouse.cli.support.ErrorHandling;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.user.UserCommand;
import dev.gatehouse.cli.wiring.CliEnvironment;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code gatehouse} command: global options, llms.py's spellings ({@code --adduser} ...) and
 * the {@code user} and {@code store} commands. {@link #main} is the jar's entry point.
 */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage the users and API keys of a Gatehouse (or llms.py) store.",
        subcommands = {UserCommand.class, ApiKeyCommand.class, InviteCommand.class, AuditCommand.class, StoreCommand.class, ServeCommand.class,
                HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user add admin      # the first administrator; asks for a password",
                  "  gatehouse user list",
                  "  gatehouse token create --username alice   # an API key for alice, shown once",
                  "  gatehouse --store json:~/.llms/user/default/credentials user list",
                  "  gatehouse --listusers         # llms.py's spelling and output",
                  "  gatehouse --store postgres://gh:secret@db:5432/gatehouse user list",
                  "  gatehouse store migrate --from json:~/.llms/user/default/credentials --to sqlite:~/.gatehouse/gatehouse.db",
                  "",
                  "The store is --store, else --home, else $GATEHOUSE_STORE,",
                  "else sqlite:$GATEHOUSE_HOME/gatehouse.db (default sqlite:~/.gatehouse/gatehouse.db)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done",
                        "1:refused (e.g. locking an administrator) or the store failed",
                        "2:usage error (unknown command or option, bad value, unsupported store URL)",
                        "3:unexpected internal error (run again with --verbose)"})
public final class Gatehouse implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Where users live: sqlite:PATH, postgres://USER:PASSWORD@HOST:PORT/DB, a jdbc: URL,"
                    + " or json:DIR (llms.py's files). Env: GATEHOUSE_STORE.")
    String store;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Gatehouse's directory (default ~/.gatehouse); the store is sqlite:DIR/gatehouse.db"
                    + " unless --store is given. Env: GATEHOUSE_HOME.")
    String home;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show debug messages, the libraries' log lines (connection pool, migrations) and stack"
                    + " traces of unexpected errors, on stderr.")
    boolean verbose;

    @ArgGroup(exclusive = true, heading = "%nllms.py spellings (the same as the 'user' commands):%n")
    LlmsPyOptions llmsPy;

    @Option(names = "--password-stdin", description = "With --adduser: read the password from standard input.")
    boolean passwordStdin;

    private final CliEnvironment environment;

    public Gatehouse(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Runs the CLI in this process and exits with its exit code. */
    public static void main(String[] args) {
        CliLogging.install();
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    /** The command line ready to {@code execute}: converters, error handling and all. */
    public static CommandLine commandLine(CliEnvironment environment) {
        Gatehouse root = new Gatehouse(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.registerConverter(Username.class, Converters::username);
        commandLine.setExecutionStrategy(root::execute);
        ErrorHandling handling = new ErrorHandling();
        commandLine.setParameterExceptionHandler(handling);
        commandLine.setExecutionExceptionHandler(handling);
        return commandLine;
    }

    /** The options of this run, for the command {@code command} that runs. */
    public Invocation invocation(CommandLine command) {
        return new Invocation(environment, command.getOut(), command.getErr(), store, home);
    }

    public boolean verbose() {
        return verbose;
    }

    private int execute(CommandLine.ParseResult parsed) {
        CliLogging.verbose(verbose);
        if (llmsPy != null && parsed.hasSubcommand()) {
            throw new ParameterException(spec.commandLine(), "llms.py's options (--adduser, --listusers, ...)"
                    + " cannot be combined with a command; use one or the other.");
        }
        try {
            return new RunLast().execute(parsed);
        } catch (Error unexpected) {
            // picocli wraps exceptions from commands but lets errors (a missing class, say) through.
            throw new ExecutionException(spec.commandLine(), unexpected.toString(), unexpected);
        }
    }

    @Override
    public Integer call() {
        if (llmsPy == null) {
            CommandLine commandLine = spec.commandLine();
            commandLine.getErr().println("gatehouse: a command is needed, e.g. 'gatehouse user list'.");
            commandLine.usage(commandLine.getErr());
            return ExitCodes.USAGE;
        }
        return llmsPy.run(invocation(spec.commandLine()), passwordStdin);
    }
}
