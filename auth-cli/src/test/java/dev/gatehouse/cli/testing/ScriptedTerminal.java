package dev.gatehouse.cli.testing;

import dev.gatehouse.cli.support.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal that answers prompts from a script and remembers what it was asked. */
public final class ScriptedTerminal implements Terminal {

    private final boolean interactive;
    private final Deque<String> answers;
    private final byte[] stdin;
    public final List<String> prompts = new ArrayList<>();

    private ScriptedTerminal(boolean interactive, List<String> answers, String stdin) {
        this.interactive = interactive;
        this.answers = new ArrayDeque<>(answers);
        this.stdin = stdin.getBytes(StandardCharsets.UTF_8);
    }

    /** No terminal (a script or a pipe); standard input holds {@code stdin}. */
    public static ScriptedTerminal piped(String stdin) {
        return new ScriptedTerminal(false, List.of(), stdin);
    }

    /** A person at a terminal who types {@code answers}, one per prompt. */
    public static ScriptedTerminal typing(String... answers) {
        return new ScriptedTerminal(true, List.of(answers), "");
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public char[] readPassword(String prompt) {
        String answer = readLine(prompt);
        return answer == null ? null : answer.toCharArray();
    }

    @Override
    public String readLine(String prompt) {
        if (!interactive) {
            throw new AssertionError("prompted without a terminal: " + prompt);
        }
        prompts.add(prompt);
        return answers.poll();
    }

    @Override
    public InputStream stdin() {
        return new ByteArrayInputStream(stdin);
    }
}
