package dev.gatehouse.http.api.accounts;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ChangeAvatar;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Upload, remove and show avatars. Uploads are decoded and re-encoded ({@link AvatarImages}) before storing. */
@Controller
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AvatarController {

    private final ChangeAvatar changeAvatar;
    private final Stores stores;

    AvatarController(ChangeAvatar changeAvatar, Stores stores) {
        this.changeAvatar = changeAvatar;
        this.stores = stores;
    }

    @SignedIn
    @Put(value = "/api/me/avatar", consumes = MediaType.ALL)
    HttpResponse<?> upload(Caller caller, HttpRequest<?> request, @Body @Nullable byte[] body) {
        byte[] png;
        try {
            png = AvatarImages.sanitize(request.getContentType().map(MediaType::toString).orElse(""),
                    body == null ? new byte[0] : body);
        } catch (AvatarImages.Rejected rejected) {
            return rejected.unsupportedType
                    ? ApiError.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_image", rejected.getMessage())
                    : ApiError.response(HttpStatus.BAD_REQUEST, "bad_image", rejected.getMessage());
        }
        ChangeAvatar.Result result = changeAvatar.set(caller.actor(), caller.user().username(), "image/png", png);
        if (result instanceof ChangeAvatar.Changed changed && changed.avatar().isPresent()) {
            return HttpResponse.ok(Map.of("avatar", link(changed.avatar().get())));
        }
        return refused((Refused) result);
    }

    @SignedIn
    @Delete("/api/me/avatar")
    @ApiResponse(responseCode = "204", description = "Removed; the initial shows again.")
    HttpResponse<?> remove(Caller caller) {
        ChangeAvatar.Result result = changeAvatar.remove(caller.actor(), caller.user().username());
        return result instanceof ChangeAvatar.Changed ? HttpResponse.noContent() : refused((Refused) result);
    }

    /**
     * The avatar as an image: the uploaded one, or a generated initial. Uploaded avatars are shown
     * to their owner and to administrators (the only pages that show them); anyone else asking, and
     * everyone asking for a name that has no account, gets the initial drawn from the name, with
     * no store lookup: the answer is the same whether the name exists or not, so it tells nobody
     * which usernames exist.
     */
    @SignedIn
    @Get("/api/users/{username}/avatar")
    @ApiResponse(responseCode = "200", description = "The uploaded image (PNG) or the initial drawn from the name (SVG).",
            content = {@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match.")
    HttpResponse<?> show(Caller caller, HttpRequest<?> request, @PathVariable String username) {
        Username name;
        try {
            name = Username.of(username);
        } catch (IllegalArgumentException e) {
            return ApiError.badRequest(e.getMessage());
        }
        boolean maySee = caller.admin() || caller.user().username().equals(name);
        // A conditional request, as every page's menu sends, is answered from the time alone.
        Optional<Instant> updated = maySee ? stores.avatars().updatedAt(name) : Optional.empty();
        String etag = etag(name, updated);
        if (request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class).filter(etag::equals).isPresent()) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        Optional<Avatar> avatar = updated.isPresent() ? stores.avatars().find(name) : Optional.empty();
        HttpResponse<?> image = avatar.isPresent()
                ? HttpResponse.ok(avatar.get().image()).contentType(avatar.get().mediaType())
                : HttpResponse.ok(InitialAvatar.svg(name.value())).contentType("image/svg+xml");
        return ((io.micronaut.http.MutableHttpResponse<?>) image)
                .header(HttpHeaders.ETAG, etag(name, avatar.map(Avatar::updatedAt)))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** An uploaded avatar's tag is its time; a generated one's the name's. */
    private static String etag(Username name, Optional<Instant> updated) {
        return updated.map(at -> "\"" + at.toEpochMilli() + "\"")
                .orElse("\"initial-" + Integer.toHexString(name.value().hashCode()) + "\"");
    }

    static String link(Avatar avatar) {
        return "/api/users/" + URLEncoder.encode(avatar.username().value(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/avatar?v=" + avatar.updatedAt().toEpochMilli();
    }

    private static HttpResponse<?> refused(Refused refused) {
        return switch (refused.reason()) {
            case NOT_FOUND -> ApiError.response(HttpStatus.NOT_FOUND, "user_not_found", refused.message());
            case NOT_ALLOWED -> ApiError.response(HttpStatus.FORBIDDEN, "forbidden", refused.message());
            default -> ApiError.response(HttpStatus.BAD_REQUEST, "bad_image", refused.message());
        };
    }
}
