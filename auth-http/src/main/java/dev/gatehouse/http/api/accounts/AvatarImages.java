package dev.gatehouse.http.api.accounts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded picture into a safe avatar: the bytes must really be PNG, JPEG, WebP or GIF
 * (by their signature, not only the declared type), the picture at most 4096×4096 (checked from
 * the header before decoding, so a small file cannot claim gigapixels), and what is kept is a
 * fresh PNG of at most 256×256 drawn from the decoded pixels: no metadata, no second frame, no
 * payload hidden after the image survives.
 */
public final class AvatarImages {

    /** The largest upload accepted. */
    public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE_IN = 4096;
    static final int SIDE_OUT = 256;

    /** Why an upload was refused; the message is for the person uploading. */
    static final class Rejected extends Exception {
        final boolean unsupportedType;

        Rejected(String message, boolean unsupportedType) {
            super(message, null, false, false);
            this.unsupportedType = unsupportedType;
        }
    }

    private AvatarImages() {
    }

    /** The PNG to store, or Rejected. {@code declaredType} is the request's Content-Type. */
    static byte[] sanitize(String declaredType, byte[] upload) throws Rejected {
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!declared.equals("image/png") && !declared.equals("image/jpeg") && !declared.equals("image/webp")
                && !declared.equals("image/gif")) {
            throw new Rejected("Avatars must be PNG, JPEG, WebP or GIF (Content-Type image/png, image/jpeg, image/webp"
                    + " or image/gif), not '" + declared + "'.", true);
        }
        if (upload.length == 0) {
            throw new Rejected("The request has no image in its body.", false);
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw new Rejected("The image is " + upload.length / 1024 + " KB; avatars may be at most "
                    + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB.", false);
        }
        String actual = sniff(upload).orElseThrow(() -> new Rejected(
                "The body is not a PNG, JPEG, WebP or GIF image.", false));
        if (!actual.equals(declared)) {
            throw new Rejected("The body is a " + actual + " image but was sent as " + declared + ".", false);
        }
        return toPng(shrink(decode(upload)));
    }

    /** The media type the bytes' signature says, if it is one we take. */
    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static BufferedImage decode(byte[] upload) throws Rejected {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Rejected("This server cannot read that kind of image.", true);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_SIDE_IN || height > MAX_SIDE_IN) {
                    throw new Rejected("The image is " + width + "×" + height + " pixels; avatars may be at most "
                            + MAX_SIDE_IN + "×" + MAX_SIDE_IN + ".", false);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejected("The image could not be read; it may be damaged or truncated.", false);
        }
    }

    /** A square crop of the middle, scaled down to at most {@link #SIDE_OUT}, with alpha kept. */
    private static BufferedImage shrink(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        int out = Math.min(side, SIDE_OUT);
        BufferedImage result = new BufferedImage(out, out, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, out, out, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private static byte[] toPng(BufferedImage image) throws Rejected {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new Rejected("The image could not be converted.", false);
        }
        return png.toByteArray();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
