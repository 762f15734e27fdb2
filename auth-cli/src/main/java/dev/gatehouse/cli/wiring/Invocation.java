package dev.gatehouse.cli.wiring;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.Terminal;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.http.wiring.StoreUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One run of {@code gatehouse}: where to print, whom to ask, which store to open. Commands get it
 * from the root command, so global options work before or after the subcommand.
 */
public final class Invocation {

    static final String STORE_VARIABLE = "GATEHOUSE_STORE";
    static final String HOME_VARIABLE = "GATEHOUSE_HOME";
    static final String DEFAULT_HOME = "~/.gatehouse";

    private final CliEnvironment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String storeOption;
    private final String homeOption;

    public Invocation(CliEnvironment environment, PrintWriter out, PrintWriter err, String storeOption, String homeOption) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.storeOption = storeOption;
        this.homeOption = homeOption;
    }

    /** The CLI acts as the local operator: an administrator without an account. */
    public Actor actor() {
        return Actor.operator();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Terminal terminal() {
        return environment.terminal();
    }

    /**
     * The store to use: {@code --store}, else {@code --home}, else {@code GATEHOUSE_STORE}, else
     * {@code GATEHOUSE_HOME}, else {@code ~/.gatehouse}. A home directory means the SQLite file
     * {@code HOME/gatehouse.db}.
     * Options beat variables so a command line always means what it says.
     */
    public StoreUrl storeUrl() {
        String userHome = environment.userHome();
        return usage(() -> {
            if (storeOption != null) {
                return StoreUrl.parse(storeOption, userHome);
            }
            if (homeOption != null) {
                return StoreUrl.inHome(homeOption, userHome, "--home");
            }
            String storeVariable = environment.variable(STORE_VARIABLE);
            if (storeVariable != null) {
                return StoreUrl.parse(storeVariable, userHome);
            }
            String home = environment.variable(HOME_VARIABLE);
            return StoreUrl.inHome(home == null ? DEFAULT_HOME : home, userHome, home == null ? "home" : HOME_VARIABLE);
        });
    }

    /** A store URL typed as an option's value ({@code store migrate --from}), {@code ~} meaning the home directory. */
    public StoreUrl storeUrl(String typed) {
        return usage(() -> StoreUrl.parse(typed, environment.userHome()));
    }

    /** A directory typed as {@code what}'s value, {@code ~} expanded, made absolute. */
    public Path directory(String typed, String what) {
        return usage(() -> StoreUrl.directory(typed, environment.userHome(), what));
    }

    /** The store URL reader's refusals are the CLI's usage errors: the same words, exit code 2. */
    private static <T> T usage(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
    }

    /** Opens the store and wires the use cases with core's default settings; close it when done. */
    public CliWiring open() {
        return open(settings -> settings);
    }

    /**
     * Opens the store and wires the use cases with the settings {@code adjust} makes of core's
     * defaults (a listing's static keys, a new key's lifetime, the features): each command reads
     * only the variables it needs, so a bad one does not stop the others. Close it when done.
     */
    public CliWiring open(UnaryOperator<UseCases.Settings> adjust) {
        UseCases.Settings settings = adjust.apply(UseCases.Settings.defaults());
        StoreUrl url = storeUrl();
        PasswordHasher hasher = environment.hasher().get();
        return new CliWiring(url.open(), hasher, environment.clock(), settings);
    }

    static final String KEY_LIFETIME_VARIABLE = "GATEHOUSE_KEY_LIFETIME";

    /**
     * How long new keys live by default: {@code GATEHOUSE_KEY_LIFETIME} ({@code 90d}, {@code never}),
     * as the server reads it, else a year. Only commands that make keys read it.
     */
    public KeyPolicy keyPolicy() {
        String lifetime = environment.variable(KEY_LIFETIME_VARIABLE);
        if (lifetime == null) {
            return KeyPolicy.defaults();
        }
        try {
            return new KeyPolicy(lifetime.strip().equalsIgnoreCase("never") ? Optional.empty()
                    : Optional.of(HumanDuration.parse(lifetime)));
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(KEY_LIFETIME_VARIABLE + ": " + invalid.getMessage() + " Or never.");
        }
    }

    /**
     * The keys in {@code GATEHOUSE_API_KEYS}, as the server on this machine would accept them, so
     * key listings show them (legacy, read-only). Only listings read them: a bad one must not stop
     * every other command.
     */
    public StaticKeys staticKeys() {
        try {
            return StaticKeys.parse(environment.variable(StaticKeys.SOURCE), Optional.empty(), environment.clock().instant());
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
    }

    static final String FEATURES_VARIABLE = "GATEHOUSE_FEATURES";

    /** The operator's features and defaults: {@code GATEHOUSE_FEATURES}, as the server reads it, else LocalAI's list. */
    public dev.gatehouse.core.model.rights.FeatureCatalog featureCatalog() {
        String features = environment.variable(FEATURES_VARIABLE);
        if (features == null || features.isBlank()) {
            return dev.gatehouse.core.model.rights.FeatureCatalog.localAi();
        }
        try {
            return dev.gatehouse.core.model.rights.FeatureCatalog.parse(features);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(FEATURES_VARIABLE + ": " + invalid.getMessage());
        }
    }

    /** Prints a refusal as one line on stderr and gives the exit code for it. */
    public int refused(String what, Refused refused) {
        err.println("gatehouse: cannot " + what + ": " + refused.message());
        err.flush();
        return ExitCodes.REFUSED;
    }

    /** Prints one line of result. */
    public void say(String line) {
        out.println(line);
        out.flush();
    }
}
