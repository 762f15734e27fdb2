package dev.gatehouse.http.api.accounts;

/** The picture of someone who has not uploaded one: their first letter on a colour of their own. */
final class InitialAvatar {

    private static final String[] COLOURS = {"#2563eb", "#7c3aed", "#db2777", "#dc2626", "#ea580c", "#16a34a",
        "#0d9488", "#0891b2", "#4f46e5", "#9333ea"};

    private InitialAvatar() {
    }

    static String svg(String username) {
        int first = username.codePointAt(0);
        String letter = new String(Character.toChars(first)).toUpperCase(java.util.Locale.ROOT);
        String colour = COLOURS[Math.floorMod(username.hashCode(), COLOURS.length)];
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\">"
                + "<rect width=\"64\" height=\"64\" rx=\"32\" fill=\"" + colour + "\"/>"
                + "<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\""
                + " font-size=\"30\" font-weight=\"600\" fill=\"#fff\">" + xml(letter) + "</text></svg>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
