package dev.gatehouse.cli.wiring;

import dev.gatehouse.cli.Gatehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code gatehouse} command that runs: it reaches the run's {@link Invocation} through the root. */
@Command
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** The output streams of this command and the global options, wherever they were typed. */
    protected Invocation invocation() {
        return ((Gatehouse) spec.root().userObject()).invocation(spec.commandLine());
    }
}
