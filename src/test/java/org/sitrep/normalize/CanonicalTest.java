package org.sitrep.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CanonicalTest {
    @Test
    void stripsTrackingParametersFragmentDefaultPortAndCase() {
        assertEquals("https://news.example.org/world/2026/11/strike?id=7",
                Canonical.url("HTTPS://News.Example.ORG:443/world/2026/11/strike?utm_source=tw&id=7&fbclid=abc&UTM_Medium=x#comments"));
        assertEquals("http://example.org/", Canonical.url("http://EXAMPLE.org:80"));
        assertEquals("http://example.org:8080/a?b=1", Canonical.url(" http://example.org:8080/a?b=1&gclid=Z "));
        assertEquals("https://example.org/a", Canonical.url("https://example.org/a?utm_campaign=x&mc_eid=y"));
    }

    @Test
    void keepsMeaningfulParametersAndTheirOrderAndLeavesNonHttpAlone() {
        assertEquals("https://example.org/search?q=Kharkiv&page=2", Canonical.url("https://example.org/search?q=Kharkiv&page=2"));
        assertEquals("at://did:plc:abc/app.bsky.feed.post/1", Canonical.url("at://did:plc:abc/app.bsky.feed.post/1"));
        assertEquals("not a url", Canonical.url("not a url"));
        assertNull(Canonical.url("  "));
    }

    @Test
    void contentHashIgnoresCaseSpacingAndCompatibilityForms() {
        String a = Canonical.contentHash("Shelling in Kharkiv", "Two  people were\n injured.");
        assertEquals(a, Canonical.contentHash("shelling in  KHARKIV ", "Two people were injured."));
        assertEquals(64, a.length());
        assertNotEquals(a, Canonical.contentHash("Shelling in Kharkiv", "Three people were injured."));
        assertNotEquals(Canonical.contentHash("ab", "c"), Canonical.contentHash("a", "bc"));
    }
}
