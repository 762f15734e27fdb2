package dev.gatehouse.oauth.flow;

/** Text a provider or a browser sent, made safe to put in a message a person reads or a log line. */
public final class Text {

    private static final int MAX = 200;

    private Text() {
    }

    /** Printable characters only, at most 200 of them: nothing can forge a log line or flood a page. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
        return printable.length() > MAX ? printable.substring(0, MAX) + "…" : printable;
    }
}
