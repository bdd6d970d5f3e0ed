package org.sitrep.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import org.sitrep.model.Report;

/**
 * Stable identifiers. A report's id is derived from what identifies it (source + external id, else
 * canonical URL, else source + content), so the same report gets the same id on every install and
 * after a migration. Event ids are time-ordered random (sortable by creation).
 */
public final class Ids {
    private static final char[] B32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String reportId(Report r) {
        String key;
        if (r.externalId() != null && !r.externalId().isBlank()) key = "x\u0000" + r.sourceId() + "\u0000" + r.externalId();
        else if (r.url() != null && !r.url().isBlank()) key = "u\u0000" + r.url();
        else key = "c\u0000" + r.sourceId() + "\u0000" + contentHash(r);
        return "r" + base32(sha256(key), 20);
    }

    /** Hash of the normalised title and text, to spot the same content posted twice by a source. */
    public static String contentHash(Report r) {
        String norm = collapseWhitespace((r.title() + "\n" + r.text()).toLowerCase(java.util.Locale.ROOT)).strip();
        return base32(sha256(norm), 26);
    }

    /** {@code s.replaceAll("\\s+", " ")} without the regex (a bulk import spent a tenth of its time in it). */
    static String collapseWhitespace(String s) {
        char[] c = s.toCharArray();
        int out = 0;
        boolean changed = false;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (!isRegexSpace(ch)) {
                c[out++] = ch;
                continue;
            }
            int j = i + 1;
            while (j < c.length && isRegexSpace(c[j])) j++;
            if (ch != ' ' || j > i + 1) changed = true;
            c[out++] = ' ';
            i = j - 1;
        }
        return changed ? new String(c, 0, out) : s;
    }

    private static boolean isRegexSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    public static String newEventId(Instant now) {
        byte[] b = new byte[16];
        long t = now.toEpochMilli();
        for (int i = 0; i < 6; i++) b[i] = (byte) (t >>> (40 - 8 * i));
        byte[] rnd = new byte[10];
        RANDOM.nextBytes(rnd);
        System.arraycopy(rnd, 0, b, 6, 10);
        return "e" + base32(b, 26);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String base32(byte[] bytes, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && sb.length() < chars) {
                sb.append(B32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return sb.toString();
    }
}
