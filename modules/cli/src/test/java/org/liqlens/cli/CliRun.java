package org.liqlens.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** One run of {@link LiqLensCli#run} with its exit status and what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = LiqLensCli.run(args, o, e);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** The CLI's failure contract: this status, nothing on stdout, one line on stderr and no stack trace. */
    String assertOneLineFailure(int expectedStatus) {
        assertEquals(expectedStatus, status, () -> "exit status; stderr: " + err);
        assertEquals("", out, "nothing on stdout");
        assertEquals(1, errLines().size(), () -> "exactly one line on stderr: " + err);
        assertFalse(err.contains("at org."), () -> "no stack trace: " + err);
        assertFalse(err.contains("Exception:") && err.contains("\tat "), () -> "no stack trace: " + err);
        return errLines().get(0);
    }
}
