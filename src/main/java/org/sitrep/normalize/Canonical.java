package org.sitrep.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitrep.model.Report;

/**
 * Canonical forms used to recognise the same report arriving twice: a URL without tracking
 * parameters, and a hash of the normalised title and text. Used by the connectors, the store's
 * idempotent add and POST /api/reports, so all three agree. Pure functions; thread-safe.
 */
public final class Canonical {
    /**
     * Query parameters that identify a click or a campaign, never the document. The same article
     * shared on two networks arrives as ?utm_source=twitter and ?fbclid=...; both mean one URL.
     */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
            "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "cmpid", "ocid",
            "__twitter_impression", "_ga", "_gl", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "ncid", "sr_share");
    private static final Pattern WS = Pattern.compile("\\s+");

    private Canonical() {}

    /**
     * The canonical form of a URL: scheme and host lower-cased, default port and fragment dropped,
     * tracking parameters (utm_*, fbclid, gclid, ...) removed, empty path as "/". Returns null for
     * null or blank input and the stripped input unchanged when it is not an absolute http(s) URL.
     */
    public static String url(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip();
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            return s;
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getRawAuthority() == null || u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) return s;
        StringBuilder b = new StringBuilder(s.length());
        b.append(scheme).append("://");
        if (u.getRawUserInfo() != null) b.append(u.getRawUserInfo()).append('@');
        b.append(u.getHost().toLowerCase(Locale.ROOT));
        int port = u.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) b.append(':').append(port);
        String path = u.getRawPath();
        b.append(path == null || path.isEmpty() ? "/" : path);
        String query = u.getRawQuery();
        if (query != null) {
            StringBuilder q = new StringBuilder();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
                if (!q.isEmpty()) q.append('&');
                q.append(pair);
            }
            if (!q.isEmpty()) b.append('?').append(q);
        }
        return b.toString();
    }

    /**
     * SHA-256 (hex) of the title and text after Unicode NFKC, case folding and whitespace collapsing,
     * so a republished item that differs only in spacing or markup hashes the same. Independent of
     * source, id and URL: the store decides the scope in which equal hashes mean a duplicate.
     */
    public static String contentHash(String title, String text) {
        String t = fold(title) + "\n" + fold(text);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(t.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String contentHash(Report r) {
        return contentHash(r.title(), r.text());
    }

    private static String fold(String s) {
        if (s == null) return "";
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WS.matcher(n).replaceAll(" ").strip();
    }
}
