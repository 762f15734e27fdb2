package dev.gatehouse.http.api.rights;

import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.forwardauth.RequestRights;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonObjectBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/me/models}: filters a list of models to those the caller may use (their rights and
 * their key's {@code models:} scopes), answering in OpenAI's list shape. The list comes from
 * {@code ?model=a&model=b} and/or a POSTed OpenAI list ({@code {"data": [{"id": "a"}, ...]}}).
 */
@Controller("/api/me/models")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class MyModelsController {

    /** The most models one request may ask about. */
    static final int MAX_MODELS = 1000;

    private final RequestRights rights;
    private final ObjectMapper json;

    MyModelsController(RequestRights rights, ObjectMapper json) {
        this.rights = rights;
        this.json = json;
    }

    /** One entry of the answer, as OpenAI's {@code /v1/models} has it. */
    @Serdeable
    record Model(String id, String object) {
    }

    /** OpenAI's list shape. */
    @Serdeable
    record ModelList(String object, List<Model> data) {
    }

    @SignedIn
    @KeyRule(Keys.ANY)
    @Get
    HttpResponse<ModelList> filter(Caller caller, @QueryValue("model") @Nullable List<String> model) {
        return HttpResponse.ok(allowed(caller, model == null ? List.of() : model));
    }

    @SignedIn
    @KeyRule(Keys.ANY)
    @Post
    @JsonObjectBody
    HttpResponse<ModelList> filterList(Caller caller, @QueryValue("model") @Nullable List<String> model,
                                       @Body @Nullable String body) {
        List<String> names = new ArrayList<>(model == null ? List.of() : model);
        names.addAll(ids(body));
        return HttpResponse.ok(allowed(caller, names));
    }

    private ModelList allowed(Caller caller, List<String> names) {
        Set<String> unique = new LinkedHashSet<>(names);
        if (unique.size() > MAX_MODELS) {
            throw ApiErrorException.badRequest("At most " + MAX_MODELS + " models can be checked at once; "
                    + unique.size() + " were sent.");
        }
        List<Model> data = new ArrayList<>();
        for (String name : unique) {
            String id;
            try {
                id = RequestRights.model(name);
            } catch (IllegalArgumentException invalid) {
                continue; // no model has such a name: nothing to allow
            }
            Authorize.Decision decision = rights.decide(RequestRights.query(caller, Optional.empty(), Optional.of(id)));
            if (decision instanceof Authorize.Allowed) {
                data.add(new Model(id, "model"));
            }
        }
        return new ModelList("list", data);
    }

    private List<String> ids(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException notJson) {
            tree = null;
        }
        JsonNode data = tree == null || !tree.isObject() ? null : tree.get("data");
        if (data == null || !data.isArray()) {
            throw ApiErrorException.badRequest("Send an OpenAI model list such as {\"data\": [{\"id\": \"llama-3\"}]},"
                    + " or the models as ?model=a&model=b.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : data.values()) {
            JsonNode id = entry.isObject() ? entry.get("id") : null;
            if (id != null && id.isString()) {
                ids.add(id.getStringValue());
            }
        }
        return ids;
    }
}
