package dev.gatehouse.cli.user;

/** Wording for ended sessions. */
final class Sessions {

    private Sessions() {
    }

    /** "ended 1 session", "ended 3 sessions", "no sessions to end". */
    static String ended(int count) {
        if (count == 0) {
            return "no sessions to end";
        }
        return "ended " + count + (count == 1 ? " session" : " sessions");
    }
}
