package dev.gatehouse.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How {@code store migrate} shows its progress on a terminal and in a log. */
class MigrationProgressTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private MigrationProgress progress(boolean terminal) {
        return new MigrationProgress(new PrintWriter(err), terminal, nanos::get);
    }

    @Test
    void aBarShowsTheShareDoneAndTheCounts() {
        assertEquals("users    [#########-----------]  45% 4,500/10,000", MigrationProgress.line("users", 4_500, 10_000));
        assertEquals("users    [####################] 100% 10,000/10,000",
                MigrationProgress.line("users", 10_000, 10_000));
        assertEquals("sessions 1,500 ...", MigrationProgress.line("sessions", 1_500, -1));
    }

    @Test
    void onATerminalABarIsRedrawnInPlaceAndAFinishedPhaseKeepsItsLine() {
        MigrationProgress progress = progress(true);
        progress.update("users", 0, 2);
        progress.update("users", 1, 2);
        progress.update("users", 2, 2);
        progress.update("sessions", 0, -1);
        progress.update("sessions", 0, 0);

        assertEquals("\rusers    [--------------------]   0% 0/2"
                + "\rusers    [##########----------]  50% 1/2"
                + "\rusers    [####################] 100% 2/2\n"
                + "\rsessions 0 ..."
                + "\r              \r", err.toString(), "a phase with nothing in it leaves no line");
    }

    @Test
    void endingAnUnfinishedBarMovesToANewLine() {
        MigrationProgress progress = progress(true);
        progress.update("audit", 500, -1);
        progress.endLine();
        progress.endLine();

        assertEquals("\raudit    500 ...\n", err.toString());
    }

    @Test
    void elsewhereAPlainLineEveryTenSecondsAtMost() {
        MigrationProgress progress = progress(false);
        progress.update("users", 500, 10_000);
        nanos.addAndGet(MigrationProgress.PLAIN_LINE_EVERY_NANOS);
        progress.update("users", 4_500, 10_000);
        progress.update("users", 5_000, 10_000);
        nanos.addAndGet(MigrationProgress.PLAIN_LINE_EVERY_NANOS);
        progress.update("audit", 0, -1);
        progress.update("audit", 70_000, -1);
        progress.update("audit", 70_000, 70_000);

        assertEquals("gatehouse: copying users: 4,500 of 10,000 (45%)\n"
                + "gatehouse: copying audit: 70,000 so far\n", err.toString().replace(System.lineSeparator(), "\n"));
    }
}
