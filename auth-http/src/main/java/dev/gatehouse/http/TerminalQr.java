package dev.gatehouse.http;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn with Unicode half blocks, two modules per character cell, dark on light with
 * the quiet zone the standard asks for, so phones read it off any terminal theme.
 */
public final class TerminalQr {

    private static final int QUIET = 2;

    private TerminalQr() {
    }

    /** The lines of a QR code for {@code text}, with low error correction (the smallest code). */
    public static String render(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int size = qr.size;
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET; y < size + QUIET; y += 2) {
            for (int x = -QUIET; x < size + QUIET; x++) {
                boolean top = dark(qr, x, y);
                boolean bottom = dark(qr, x, y + 1);
                // Light modules are drawn (full block = light on a dark terminal is wrong), so draw the light parts.
                out.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean dark(QrCode qr, int x, int y) {
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
    }
}
