package dev.gatehouse.http.api.rights;

import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetPermissions;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.PathNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users' features and models: administrators read and replace anyone's
 * ({@code /api/admin/users/{name}/permissions}); everyone reads their own ({@code /api/me/permissions}).
 */
@Controller
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class PermissionsController {

    static final String EXAMPLE = "{\"features\": {\"chat\": true, \"images\": false, \"agents\": null},"
            + " \"models\": [\"llama-*\", \"mistral\"]}";

    private final ReadPermissions read;
    private final SetPermissions set;
    private final ObjectMapper json;

    PermissionsController(ReadPermissions read, SetPermissions set, ObjectMapper json) {
        this.read = read;
        this.set = set;
        this.json = json;
    }

    @SignedIn
    @KeyRule(Keys.ANY)
    @Get("/api/me/permissions")
    HttpResponse<?> mine(Caller caller) {
        return answer(read.read(caller.actor(), caller.user().username()), "read");
    }

    @AdminOnly
    @Get("/api/admin/users/{username}/permissions")
    HttpResponse<?> show(Caller caller, String username) {
        return answer(read.read(caller.actor(), PathNames.user(username)), "read");
    }

    /**
     * Replaces the user's settings: every feature named true or false is set (null: the default),
     * features left out follow the default; {@code models} is {@code "all"} or a list; left out, it
     * stays as it is. The page's form sends the same as flat fields ({@code "feature.chat": "on"},
     * {@code "models": "llama-*, mistral"}).
     */
    @AdminOnly
    @Put("/api/admin/users/{username}/permissions")
    @JsonObjectBody
    HttpResponse<?> replace(Caller caller, String username, @Body @Nullable String body) {
        JsonNode tree = parse(body);
        Map<String, Boolean> features = new HashMap<>();
        Set<String> toDefault = new HashSet<>();
        JsonNode given = tree.get("features");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw wrong("'features' must be an object of feature name to true, false or null.");
            }
            for (Map.Entry<String, JsonNode> entry : given.entries()) {
                if (entry.getValue().isNull()) {
                    toDefault.add(entry.getKey());
                } else if (entry.getValue().isBoolean()) {
                    features.put(entry.getKey(), entry.getValue().getBooleanValue());
                } else {
                    throw wrong("The feature '" + entry.getKey() + "' must be true, false or null (the default).");
                }
            }
        }
        // The page's form sends flat fields: "feature.chat": "on" | "off" | "default".
        for (Map.Entry<String, JsonNode> entry : tree.entries()) {
            if (!entry.getKey().startsWith("feature.")) {
                continue;
            }
            String name = entry.getKey().substring("feature.".length());
            String value = entry.getValue().isString() ? entry.getValue().getStringValue() : "";
            switch (value) {
                case "on" -> features.put(name, true);
                case "off" -> features.put(name, false);
                case "default" -> toDefault.add(name);
                default -> throw wrong("The field '" + entry.getKey() + "' must be on, off or default.");
            }
        }
        SetPermissions.Result result = set.set(new SetPermissions.Command(caller.actor(), PathNames.user(username),
                features, toDefault, true, models(tree.get("models"))));
        if (result instanceof Refused refused) {
            return ApiError.refused(refused, "change");
        }
        return answer(read.read(caller.actor(), PathNames.user(username)), "read");
    }

    private HttpResponse<?> answer(ReadPermissions.Result result, String action) {
        if (result instanceof ReadPermissions.Rights rights) {
            return HttpResponse.ok(PermissionsView.of(rights.effective(), rights.settings()));
        }
        return ApiError.refused((Refused) result, action);
    }

    private static Optional<ModelAccess> models(@Nullable JsonNode models) {
        if (models == null || models.isNull()) {
            return Optional.empty();
        }
        try {
            if (models.isString()) {
                return Optional.of(ModelAccess.parse(models.getStringValue()));
            }
            if (models.isArray()) {
                List<String> patterns = new java.util.ArrayList<>();
                for (JsonNode item : models.values()) {
                    if (!item.isString()) {
                        throw wrong("Every entry of 'models' must be a string (a name or a pattern such as llama-*).");
                    }
                    patterns.add(item.getStringValue());
                }
                return Optional.of(ModelAccess.only(patterns));
            }
        } catch (IllegalArgumentException invalid) {
            throw wrong(invalid.getMessage());
        }
        throw wrong("'models' must be \"all\" or a list of names and patterns.");
    }

    private JsonNode parse(@Nullable String body) {
        try {
            JsonNode tree = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
            if (tree != null && tree.isObject()) {
                return tree;
            }
        } catch (IOException | RuntimeException notJson) {
            // answered below
        }
        throw wrong("The body must be a JSON object.");
    }

    private static ApiErrorException wrong(String what) {
        return ApiErrorException.badRequest(what + " Send JSON like " + EXAMPLE + ".");
    }
}
