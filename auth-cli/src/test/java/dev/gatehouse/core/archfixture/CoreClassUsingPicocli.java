package dev.gatehouse.core.archfixture;

import picocli.CommandLine;

/** A deliberate violation, imported only by CliLayeringTest to prove its core rule can fail. */
public final class CoreClassUsingPicocli {

    public int run() {
        return new CommandLine(this).getCommandName().length();
    }
}
