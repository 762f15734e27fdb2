package dev.gatehouse.cli.support;

/**
 * What {@code gatehouse} exits with, so scripts can tell a refusal from a typo.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>done</td></tr>
 *   <tr><td>1</td><td>refused by a rule (e.g. locking an administrator) or the store failed (corrupt file)</td></tr>
 *   <tr><td>2</td><td>usage: unknown command or option, bad value, unsupported store URL, passwords that differ</td></tr>
 *   <tr><td>3</td><td>an unexpected internal error (a bug: run again with --verbose and report the stack trace)</td></tr>
 * </table>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
