package dev.gatehouse.cli.user;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetPermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user permissions}: shows a user's features and models, and changes them. */
@Command(name = "permissions", mixinStandardHelpOptions = true,
        description = {"Show which features and models a user may use; with options, change them first.",
                       "Features not set for the user follow the defaults (GATEHOUSE_FEATURES, else LocalAI's list).",
                       "Administrators may use every feature and model whatever is set."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse user permissions alice",
                  "  gatehouse user permissions alice --enable chat --disable images --models 'llama-*,mistral'",
                  "  gatehouse user permissions alice --only chat --models 'llama-*'",
                  "  gatehouse user permissions alice --default images --all-models",
                  "  gatehouse user permissions alice --json"})
final class PermissionsCommand extends CliCommand {

    @Parameters(paramLabel = "NAME", description = "The user.")
    Username username;

    @Option(names = "--enable", paramLabel = "FEATURE", split = ",", description = "Turn these features on for the user.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "FEATURE", split = ",", description = "Turn these features off for the user.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--default", paramLabel = "FEATURE", split = ",",
            description = "These features follow the default again.")
    List<String> toDefault = new ArrayList<>();

    @Option(names = "--only", paramLabel = "FEATURE", split = ",",
            description = "Turn these features on and every other feature off, e.g. --only chat.")
    List<String> only = new ArrayList<>();

    @Option(names = "--models", paramLabel = "LIST",
            description = "Only these models: names and patterns (* and ?), comma-separated, e.g. 'llama-*,mistral'.")
    String models;

    @Option(names = "--all-models", description = "Every model.")
    boolean allModels;

    @Option(names = "--json", description = "Print the rights as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        if (models != null && allModels) {
            throw new UsageException("--models and --all-models contradict each other; use one.");
        }
        Set<String> both = new HashSet<>(enable);
        both.retainAll(disable);
        if (!both.isEmpty()) {
            throw new UsageException("'" + both.iterator().next() + "' is both enabled and disabled; choose one.");
        }
        if (!only.isEmpty() && !(enable.isEmpty() && disable.isEmpty() && toDefault.isEmpty())) {
            throw new UsageException("--only sets every feature; use it without --enable, --disable or --default.");
        }
        Optional<ModelAccess> access;
        try {
            access = allModels ? Optional.of(ModelAccess.everything())
                    : models == null ? Optional.empty() : Optional.of(ModelAccess.parse(models));
        } catch (IllegalArgumentException invalid) {
            throw new UsageException("--models: " + invalid.getMessage());
        }
        FeatureCatalog catalog = invocation.featureCatalog();
        try (CliWiring app = invocation.open(settings -> settings.withFeatures(catalog))) {
            if (!enable.isEmpty() || !disable.isEmpty() || !toDefault.isEmpty() || !only.isEmpty() || access.isPresent()) {
                Map<String, Boolean> features = new HashMap<>();
                catalog.names().forEach(name -> { if (!only.isEmpty()) { features.put(name, false); } });
                only.forEach(name -> features.put(name.strip(), true));
                enable.forEach(name -> features.put(name.strip(), true));
                disable.forEach(name -> features.put(name.strip(), false));
                SetPermissions.Result result = app.useCases().setPermissions().set(new SetPermissions.Command(
                        invocation.actor(), username, features, Set.copyOf(toDefault.stream().map(String::strip).toList()),
                        false, access));
                if (result instanceof Refused refused) {
                    return invocation.refused("change the permissions of '" + username + "'", refused);
                }
            }
            ReadPermissions.Result read = app.useCases().readPermissions().read(invocation.actor(), username);
            if (read instanceof Refused refused) {
                return invocation.refused("show the permissions of '" + username + "'", refused);
            }
            EffectiveRights rights = ((ReadPermissions.Rights) read).effective();
            invocation.say(json ? asJson(rights) : asText(rights));
            return ExitCodes.OK;
        }
    }

    /** Features one a line, on or off, marked where that is the user's own setting; then the models. */
    static String asText(EffectiveRights rights) {
        StringBuilder text = new StringBuilder(rights.username().value())
                .append(rights.admin() ? " is an administrator: every feature and model.\n" : "\n");
        int width = rights.features().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (EffectiveRights.Feature feature : rights.features()) {
            text.append("  ").append(String.format("%-" + width + "s", feature.name())).append("  ")
                    .append(feature.on() ? "on " : "off")
                    .append(feature.overridden() ? "  (set; default " + (feature.byDefault() ? "on" : "off") + ")"
                            : "  (default)")
                    .append('\n');
        }
        return text.append("models: ").append(rights.models().describe()).toString();
    }

    static String asJson(EffectiveRights rights) {
        StringBuilder features = new StringBuilder();
        for (EffectiveRights.Feature feature : rights.features()) {
            features.append(features.length() == 0 ? "" : ", ").append(UserJson.string(feature.name())).append(": ")
                    .append(feature.on());
        }
        String models = rights.models().all() ? "\"all\"" : "[" + String.join(", ",
                rights.models().patterns().stream().map(UserJson::string).toList()) + "]";
        return "{\"username\": " + UserJson.string(rights.username().value()) + ", \"admin\": " + rights.admin()
                + ", \"features\": {" + features + "}, \"models\": " + models + "}";
    }
}
