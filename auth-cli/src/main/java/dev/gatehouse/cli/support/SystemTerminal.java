package dev.gatehouse.cli.support;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real terminal: {@link System#console()} for prompts, {@link System#in} for piped input. */
public final class SystemTerminal implements Terminal {

    private final Console console = terminalConsole();

    @Override
    public boolean interactive() {
        return console != null;
    }

    @Override
    public char[] readPassword(String prompt) {
        return console.readPassword("%s", prompt);
    }

    @Override
    public String readLine(String prompt) {
        return console.readLine("%s", prompt);
    }

    /**
     * Java cannot ask isatty(2). On Linux /proc tells where file descriptor 2 goes; elsewhere a
     * console on stdin and stdout is the best guess.
     */
    @Override
    public boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(stderr).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return interactive();
        }
    }

    @Override
    public InputStream stdin() {
        return System.in;
    }

    /**
     * The console if it is a real terminal. From Java 22 {@code System.console()} may return a
     * console for redirected streams; {@code Console.isTerminal()} (22+) tells them apart. It is
     * called reflectively because this code is compiled for Java 17.
     */
    private static Console terminalConsole() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? console : null;
        } catch (NoSuchMethodException java17) {
            return console;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return console;
        }
    }
}
