package org.sitrep.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out how to decode a fetched body. Order: byte-order mark, then the Content-Type header, then
 * the document's own declaration (XML declaration or HTML meta), then UTF-8, then windows-1252 (what
 * browsers assume for unlabelled Western pages). A declared UTF-8 that the bytes contradict is a common
 * misconfiguration (a server that labels everything UTF-8 in front of a windows-1251 news site), so a
 * label is trusted only when the bytes decode under it or no better label exists. Thread-safe.
 */
final class Charsets {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    /** How far into the document a declaration is looked for (HTML's prescan uses 1024 bytes). */
    private static final int PRESCAN = 2048;

    private Charsets() {}

    static Charset detect(byte[] body, String contentType) {
        Charset bom = fromBom(body);
        if (bom != null) return bom;
        Charset header = contentType == null ? null : lookup(first(HEADER_CHARSET, contentType));
        Charset declared = fromDeclaration(body);
        boolean utf8 = isValidUtf8(body);
        for (Charset c : new Charset[] {header, declared}) {
            if (c != null && (utf8 || !c.equals(StandardCharsets.UTF_8))) return c;
        }
        return utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    /** Decodes, replacing malformed sequences with U+FFFD and dropping a leading BOM. */
    static String decode(byte[] body, Charset charset) {
        String s = new String(body, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    static Charset fromDeclaration(byte[] body) {
        // Declarations are ASCII in every ASCII-compatible charset, so Latin-1 reads them safely.
        String head = new String(body, 0, Math.min(body.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Charset xml = lookup(first(XML_DECL, head));
        if (xml != null) return xml;
        return lookup(first(META_CHARSET, head));
    }

    static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** A supported charset for a label, or null for unknown labels ("utf8mb4", typos). */
    static Charset lookup(String label) {
        if (label == null) return null;
        String l = label.trim().toLowerCase(Locale.ROOT);
        // HTML treats these labels as windows-1252; Java's ISO-8859-1 lacks the curly quotes in 0x80-0x9F.
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("us-ascii") || l.equals("ascii")) l = "windows-1252";
        if (l.equals("utf8")) l = "utf-8";
        try {
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
