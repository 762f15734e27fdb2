package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The file name of a user's avatar: {@code <name>.<ext>}, where {@code <name>} is the username's
 * UTF-8 bytes percent-encoded so that only {@code [A-Za-z0-9._-]} stay literal (and a leading
 * {@code .} is encoded too, so no avatar is a hidden file and temporary files, which start with
 * a dot, never clash with one). Every name is valid on every common file system and two
 * usernames never share a file, on a case-sensitive file system.
 *
 * <p>Names whose encoding would pass {@value #MAX_STEM} characters (64 non-ASCII characters can
 * encode to 576) would break the 255-byte limit of file names once the temporary file's suffix is
 * added; they keep a readable encoded prefix followed by {@code ~} and the SHA-256 of the name.
 * {@code ~} is never literal in an encoded name, so the two forms cannot collide.
 */
final class AvatarFileNames {

    /** The longest stem: 64 ASCII characters that all need encoding. */
    static final int MAX_STEM = 3 * Username.MAX_LENGTH;

    private static final int HASHED_PREFIX = 120;

    /** The file extension of each media type, in {@link Avatar#MEDIA_TYPES} order. */
    static final Map<String, String> EXTENSIONS = Map.of(
            "image/png", "png", "image/jpeg", "jpg", "image/webp", "webp", "image/gif", "gif");

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private AvatarFileNames() {
    }

    /** The file name for the user's avatar of this media type. */
    static String of(Username username, String mediaType) {
        String extension = EXTENSIONS.get(mediaType);
        if (extension == null) {
            throw new IllegalArgumentException("No file extension for the media type '" + mediaType + "'.");
        }
        return stem(username) + "." + extension;
    }

    /** Every file name the user's avatar may have, one per media type, in {@link Avatar#MEDIA_TYPES} order. */
    static List<String> candidates(Username username) {
        String stem = stem(username);
        return Avatar.MEDIA_TYPES.stream().map(type -> stem + "." + EXTENSIONS.get(type)).toList();
    }

    /** The media type a candidate file name stands for. */
    static String mediaType(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        return EXTENSIONS.entrySet().stream().filter(e -> e.getValue().equals(extension)).findFirst()
                .orElseThrow().getKey();
    }

    static String stem(Username username) {
        byte[] utf8 = username.value().getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(utf8.length * 3);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (isLiteral(b) && !(i == 0 && b == '.')) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(UPPER_HEX.toHexDigits((byte) b));
            }
        }
        if (encoded.length() <= MAX_STEM) {
            return encoded.toString();
        }
        int cut = HASHED_PREFIX;
        while (encoded.charAt(cut - 1) == '%' || encoded.charAt(cut - 2) == '%') {
            cut--; // never split a %XX triple
        }
        return encoded.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(utf8));
    }

    private static boolean isLiteral(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '.' || b == '_' || b == '-';
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
