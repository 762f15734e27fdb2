package dev.gatehouse.core.service.accounts;

/** Passwords that are long only in appearance: one short unit repeated, or a run like 12345… or abcde…. */
final class PasswordPatterns {

    /** The longest unit whose repetition counts as a pattern ("abcabcabc…"). */
    private static final int MAX_UNIT = 4;

    private PasswordPatterns() {
    }

    /** True for text made of one unit of up to four characters repeated ("aaaa…", "abab…", "1234 1234…"). */
    static boolean isRepetitive(String text) {
        int[] points = text.codePoints().toArray();
        for (int unit = 1; unit <= MAX_UNIT && unit * 2 <= points.length; unit++) {
            boolean repeats = true;
            for (int i = unit; i < points.length && repeats; i++) {
                repeats = points[i] == points[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** True for a run of consecutive characters going up or down, digits wrapping ("7890123…", "zyxw…"). */
    static boolean isSequence(String text) {
        int[] points = text.codePoints().toArray();
        if (points.length < 2) {
            return false;
        }
        int step = next(points[0], points[1]);
        if (step == 0) {
            return false;
        }
        for (int i = 2; i < points.length; i++) {
            if (next(points[i - 1], points[i]) != step) {
                return false;
            }
        }
        return true;
    }

    /** +1 or -1 when {@code b} follows or precedes {@code a} (digits wrap 9→0), else 0. */
    private static int next(int a, int b) {
        if (Character.isDigit(a) && Character.isDigit(b)) {
            int up = (a - '0' + 1) % 10;
            int down = (a - '0' + 9) % 10;
            return b - '0' == up ? 1 : b - '0' == down ? -1 : 0;
        }
        int diff = Character.toLowerCase(b) - Character.toLowerCase(a);
        return diff == 1 || diff == -1 ? diff : 0;
    }
}
