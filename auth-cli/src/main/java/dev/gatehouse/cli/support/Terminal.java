package dev.gatehouse.cli.support;

import java.io.InputStream;

/**
 * Where the CLI asks questions and reads piped input. The system one uses {@link System#console()};
 * tests pass a scripted one.
 */
public interface Terminal {

    /** True when a person can answer prompts (a console that is a real terminal). */
    boolean interactive();

    /** Prompts and reads a line without echo; {@code null} at end of input. Only when {@link #interactive()}. */
    char[] readPassword(String prompt);

    /** Prompts and reads a line with echo; {@code null} at end of input. Only when {@link #interactive()}. */
    String readLine(String prompt);

    /**
     * True when standard error goes to a terminal, so a progress bar redrawn in place is seen as one
     * line rather than filling a log file. By default: when a person can answer prompts.
     */
    default boolean stderrIsTerminal() {
        return interactive();
    }

    /** Standard input, for {@code --password-stdin}. */
    InputStream stdin();
}
