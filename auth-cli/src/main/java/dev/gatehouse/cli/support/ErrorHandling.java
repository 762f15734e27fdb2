package dev.gatehouse.cli.support;

import dev.gatehouse.cli.Gatehouse;
import dev.gatehouse.core.port.out.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns problems into one line on stderr and an exit code ({@link ExitCodes}); never a stack
 * trace for an expected problem. Unexpected exceptions show theirs only with {@code --verbose}.
 */
public final class ErrorHandling implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("gatehouse: " + oneLine(problem.getMessage()));
        if (problem instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception problem, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        try {
            if (problem instanceof UsageException) {
                err.println("gatehouse: " + oneLine(problem.getMessage()));
                return ExitCodes.USAGE;
            }
            if (problem instanceof StoreException) {
                err.println("gatehouse: " + oneLine(problem.getMessage()));
                printTraceIfVerbose(problem, commandLine, err);
                return ExitCodes.REFUSED;
            }
            Throwable shown = problem instanceof ExecutionException && problem.getCause() != null
                    ? problem.getCause() : problem;
            err.println("gatehouse: unexpected error: " + oneLine(String.valueOf(shown))
                    + (verbose(commandLine) ? "" : " (run again with --verbose to see the stack trace)"));
            printTraceIfVerbose(shown, commandLine, err);
            return ExitCodes.INTERNAL;
        } finally {
            err.flush();
        }
    }

    private static void printTraceIfVerbose(Throwable problem, CommandLine commandLine, PrintWriter err) {
        if (verbose(commandLine)) {
            problem.printStackTrace(err);
        }
    }

    private static boolean verbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof Gatehouse root && root.verbose();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
