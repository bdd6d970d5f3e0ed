package org.sitrep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @Test
    void byteOrderMarkWinsOverEveryLabel() {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals(StandardCharsets.UTF_8, Charsets.detect(body, "text/html; charset=windows-1251"));
        assertEquals("hi", Charsets.decode(body, StandardCharsets.UTF_8));
        byte[] le = "<rss/>".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF; withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertEquals("<rss/>", Charsets.decode(withBom, Charsets.detect(withBom, null)));
    }

    @Test
    void headerThenXmlDeclarationThenHtmlMeta() {
        byte[] cyr = "<?xml version='1.0' encoding='windows-1251'?><rss>Киев</rss>".getBytes(CP1251);
        assertEquals(CP1251, Charsets.detect(cyr, "application/xml"));
        byte[] koi = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head>Киев".getBytes(Charset.forName("KOI8-R"));
        assertEquals(Charset.forName("KOI8-R"), Charsets.detect(koi, null));
        assertEquals(Charset.forName("KOI8-R"), Charsets.detect("plain".getBytes(), "text/plain; charset=\"koi8-r\""));
    }

    @Test
    void utf8LabelContradictedByTheBytesIsNotTrusted() {
        byte[] body = "<meta charset=windows-1251>Донецк".getBytes(CP1251);
        assertEquals(CP1251, Charsets.detect(body, "text/html; charset=UTF-8"));
        byte[] unlabelled = "Caf\u00e9 \u201cquoted\u201d".getBytes(Charset.forName("windows-1252"));
        assertEquals(Charset.forName("windows-1252"), Charsets.detect(unlabelled, "text/html; charset=utf-8"));
        assertEquals(StandardCharsets.UTF_8, Charsets.detect("Café".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void unknownLabelsFallBackToSniffing() {
        assertEquals(StandardCharsets.UTF_8, Charsets.detect("Київ".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf8mb4"));
        assertEquals(Charset.forName("windows-1252"), Charsets.lookup("ISO-8859-1"));
    }
}
