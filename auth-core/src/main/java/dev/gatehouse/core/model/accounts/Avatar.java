package dev.gatehouse.core.model.accounts;

import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user's picture, as stored bytes of one of four web image types. Core never decodes it: the
 * HTTP layer re-encodes what people upload before it gets here. The bytes are copied on the way
 * in and out, so nobody holding the array can change a stored avatar.
 */
public record Avatar(Username username, String mediaType, byte[] image, Instant updatedAt) {

    /** The largest image kept, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The media types an avatar may have. */
    public static final List<String> MEDIA_TYPES = List.of("image/png", "image/jpeg", "image/webp", "image/gif");

    public Avatar {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(image, "image");
        mediaType = mediaType.strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("An avatar must be a PNG, JPEG, WebP or GIF image (" + String.join(", ",
                    MEDIA_TYPES) + "); '" + mediaType.replaceAll("\\p{Cntrl}", "?") + "' is none of those.");
        }
        if (image.length == 0) {
            throw new IllegalArgumentException("The avatar image for '" + username + "' is empty; send the image's bytes.");
        }
        if (image.length > MAX_BYTES) {
            throw new IllegalArgumentException("The avatar image for '" + username + "' is " + image.length
                    + " bytes; at most " + MAX_BYTES + " (1 MiB) are kept. Send a smaller image.");
        }
        image = image.clone();
        updatedAt = Times.truncate(Objects.requireNonNull(updatedAt, "updatedAt"));
    }

    /** A copy of the image's bytes. */
    @Override
    public byte[] image() {
        return image.clone();
    }

    /** How many bytes the image has, without copying it. */
    public int size() {
        return image.length;
    }

    /** Records compare arrays by identity; avatars are equal when their bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Avatar that
                && username.equals(that.username)
                && mediaType.equals(that.mediaType)
                && Arrays.equals(image, that.image)
                && updatedAt.equals(that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, mediaType, Arrays.hashCode(image), updatedAt);
    }

    @Override
    public String toString() {
        return "Avatar[" + username + ", " + mediaType + ", " + image.length + " bytes, " + updatedAt + "]";
    }
}
