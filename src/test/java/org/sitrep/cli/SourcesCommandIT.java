package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.app.Sitrep;
import org.sitrep.model.Source;
import org.sitrep.store.Store;
import picocli.CommandLine;

class SourcesCommandIT {
    @TempDir Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return cl.execute(all);
    }

    private Source source(String id) {
        try (Store s = Sitrep.openStore(null, dir)) {
            return s.source(id).orElse(null);
        }
    }

    @Test
    void addPauseResumeRemove() {
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sources", "add", "--type", "rss", "--url", "https://wire.example.net/feed.xml",
                "--reliability", "b", "--interval", "15m", "--language", "EN", "--country", "ua"));
        Source s = source("rss:wire.example.net/feed.xml");
        assertEquals(new Source("rss:wire.example.net/feed.xml", null, "rss", "https://wire.example.net/feed.xml", "en", "UA", 'B',
                Duration.ofMinutes(15), false), s);
        assertEquals(0, run(err, "sources", "pause", s.id()));
        assertTrue(source(s.id()).paused());
        assertEquals(0, run(err, "sources", "resume", s.id()));
        assertTrue(!source(s.id()).paused());
        assertEquals(0, run(err, "sources", "list"));
        assertEquals(0, run(err, "sources", "remove", s.id()));
        assertEquals(null, source(s.id()));
    }

    @Test
    void badInputIsAUserErrorThatNamesTheProblem() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sources", "add", "--type", "gopher", "--url", "x"));
        assertTrue(err.toString().contains("unknown --type 'gopher'"), err.toString());
        assertEquals(2, run(err, "sources", "add", "--type", "rss", "--url", "file:///etc/passwd"));
        assertTrue(err.toString().contains("http(s) URL"), err.toString());
        assertEquals(2, run(err, "sources", "add", "--type", "telegram", "--url", "@chan", "--interval", "soon"));
        assertTrue(err.toString().contains("not an interval"), err.toString());
        assertEquals(2, run(err, "sources", "pause", "nope"));
        assertTrue(err.toString().contains("no source 'nope'"), err.toString());
    }

    @Test
    void intervals() {
        assertEquals(Duration.ofSeconds(90), SourcesCommand.interval("90s"));
        assertEquals(Duration.ofHours(2), SourcesCommand.interval("2h"));
        assertEquals(Duration.ofMinutes(10), SourcesCommand.interval("PT10M"));
    }
}
