package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.app.ReportInput;
import org.sitrep.internal.Json;

class ReportTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /** Stores keep reports as JSON: a body written before the author field existed must still read. */
    @Test
    void aReportStoredBeforeAuthorsExistedReadsWithNoAuthor() throws JsonProcessingException {
        String old = "{\"id\":\"r1\",\"sourceId\":\"wire\",\"externalId\":\"x1\",\"url\":null,\"title\":\"Shelling\",\"text\":\"t\","
                + "\"language\":\"en\",\"publishedAt\":\"2026-11-24T10:00:00Z\",\"fetchedAt\":\"2026-11-24T10:05:00Z\",\"media\":[],\"point\":null}";
        Report r = Json.MAPPER.readValue(old, Report.class);
        assertEquals("Shelling", r.title());
        assertNull(r.author());
    }

    @Test
    void theAuthorRoundTripsAndSurvivesCopies() throws JsonProcessingException {
        Report r = new Report(null, "wire", "x1", null, "Shelling", "t", "en", T, T, List.of(), null, "  Marta Kowalczyk ");
        assertEquals("Marta Kowalczyk", r.author());
        Report back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(r.withId("r1")), Report.class);
        assertEquals("Marta Kowalczyk", back.author());
        assertEquals("r1", back.id());
        assertNull(new Report(null, "wire", "x1", null, "Shelling", "t", "en", T, T, List.of(), null, " ").author());
        assertEquals(Report.MAX_AUTHOR, r.withAuthor("x".repeat(5000)).author().length());
    }

    @Test
    void pushedAndImportedReportsMayNameTheirAuthor() throws JsonProcessingException {
        Report r = ReportInput.parse(Json.MAPPER.readTree("{\"source\":\"wire\",\"title\":\"Shelling\",\"author\":\"Desk A\","
                + "\"publishedAt\":\"2026-11-24T10:00:00Z\"}"), T);
        assertEquals("Desk A", r.author());
    }
}
