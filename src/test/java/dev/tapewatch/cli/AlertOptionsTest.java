package dev.tapewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the alert options are refused before recording, saying what is wrong, and never echo a secret URL. */
class AlertOptionsTest {
    @TempDir
    Path dir;

    private CliTest.Run record(String... alertOptions) {
        String[] args = new String[] {"record", "--symbols", "SPY", "--duration", "1s", "--db",
                dir.resolve("db").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + alertOptions.length);
        System.arraycopy(alertOptions, 0, all, args.length, alertOptions.length);
        return CliTest.run(all);
    }

    @Test
    void aBadWebhookUrlIsRefusedWithoutShowingIt() {
        CliTest.Run bad = record("--alert-webhook", "https://hooks.example.com/a b?token=sekr3t");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("--alert-webhook is not a URL (at character"), bad.err());
        assertFalse((bad.out() + bad.err()).contains("sekr3t"), bad.err());
        CliTest.Run ftp = record("--alert-webhook", "ftp://files.example.com/drop?token=sekr3t");
        assertEquals(ExitCodes.USAGE, ftp.code());
        assertTrue(ftp.err().contains("needs an http:// or https:// URL with a host, was ftp://files.example.com/…"),
                ftp.err());
        assertFalse((ftp.out() + ftp.err()).contains("sekr3t"));
    }

    @Test
    void unknownKindsAndPlaceholdersAreNamed() {
        CliTest.Run kind = record("--alert-command", "cat", "--alert-kinds", "spike,bursts");
        assertEquals(ExitCodes.USAGE, kind.code());
        assertTrue(kind.err().contains("--alert-kinds: unknown kind 'bursts'; known: spike, price_level"), kind.err());
        CliTest.Run template = record("--alert-webhook", "http://127.0.0.1:9/hook", "--alert-template", "{{sym}}");
        assertEquals(ExitCodes.USAGE, template.code());
        assertTrue(template.err().contains("--alert-template: unknown placeholder {{sym}}"), template.err());
        CliTest.Run score = record("--alert-command", "cat", "--alert-min-score", "-1");
        assertEquals(ExitCodes.USAGE, score.code());
        assertTrue(score.err().contains("--alert-min-score must be a number >= 0, was -1.0"), score.err());
    }
}
