package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.http.ApiConfig;
import picocli.CommandLine;

class ApiOptionsTest {
    static ApiConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.apiOptions.config();
    }

    @Test
    void defaultsArePublicReadsAndAutoSubmissions() {
        ApiConfig c = parse();
        assertTrue(c.publicRead());
        assertEquals(ApiConfig.Submissions.AUTO, c.submissions());
        assertTrue(c.corsOrigins().isEmpty());
        assertEquals(50, c.perAddress().perSecond());
    }

    @Test
    void optionsReachTheConfig() {
        ApiConfig c = parse("--private", "--submissions", "keys", "--cors-origin", "https://a.example,https://b.example", "--rate-limit", "0",
                "--trust-proxy");
        assertFalse(c.publicRead());
        assertEquals(ApiConfig.Submissions.KEYS, c.submissions());
        assertEquals(List.of("https://a.example", "https://b.example"), c.corsOrigins());
        assertFalse(c.perAddress().enabled(), "0 turns limits off");
        assertTrue(c.trustProxy());
        assertThrows(UserException.class, () -> parse("--submissions", "sometimes"));
    }
}
