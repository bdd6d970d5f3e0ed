package org.sitrep.ingest.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * Second chance for feeds that are not well-formed XML, the commonest real-world breakage (a bare
 * "&amp;" in one title, a truncated download, an HTML tag left open in a description): jsoup's
 * forgiving XML parser recovers the {@code <item>} and {@code <entry>} elements, so one broken entry
 * costs that entry, not the feed. Reads the core RSS/Atom fields and a GeoRSS point. Stateless.
 */
final class LenientFeedReader {
    private LenientFeedReader() {}

    static List<Report> read(String xml, String base, Source source, Instant fetchedAt, List<ItemError> errors, int max) {
        Document doc = Jsoup.parse(xml, base, Parser.xmlParser());
        String feedLang = text(doc.selectFirst("channel > language"));
        List<Report> out = new ArrayList<>();
        List<Element> entries = doc.select("item, entry");
        for (int i = 0; i < entries.size() && i < max; i++) {
            Element e = entries.get(i);
            String where = "entry " + (i + 1);
            Element titleEl = e.selectFirst("> title");
            if (titleEl != null && !titleEl.children().isEmpty() && !titleEl.hasAttr("type")) {
                // an unclosed <title> swallowed the entry's other fields: nothing in it can be trusted
                errors.add(ItemError.skipped(where, "entry structure broken (unclosed title)"));
                continue;
            }
            String title = HtmlText.text(text(titleEl));
            String body = firstNonBlank(text(e.selectFirst("> content|encoded")), text(e.selectFirst("> content")),
                    text(e.selectFirst("> description")), text(e.selectFirst("> summary")));
            String text = HtmlText.text(body);
            if (title.isEmpty() && text.isEmpty()) {
                errors.add(ItemError.skipped(where, "entry has neither title nor text (recovered from broken XML)"));
                continue;
            }
            Element linkEl = e.selectFirst("> link[href]");
            String link = IngestSupport.absolute(base, linkEl != null ? linkEl.attr("href") : text(e.selectFirst("> link")));
            String url = Canonical.url(link);
            String id = firstNonBlank(text(e.selectFirst("> guid")), text(e.selectFirst("> id")), url);
            if (id == null) id = "sha256:" + Canonical.contentHash(title, text);
            Instant published = IngestSupport.parseTime(firstNonBlank(text(e.selectFirst("> pubDate")), text(e.selectFirst("> published")),
                    text(e.selectFirst("> dc|date")), text(e.selectFirst("> updated"))));
            GeoPoint point = null;
            String pt = text(e.selectFirst("> georss|point"));
            if (pt != null) {
                String[] ll = pt.strip().split("[\\s,]+");
                try {
                    point = new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
                } catch (RuntimeException bad) {
                    errors.add(ItemError.repaired(where, "unreadable GeoRSS point '" + pt + "'; kept without coordinates"));
                }
            }
            Set<String> media = new LinkedHashSet<>();
            for (Element enc : e.select("> enclosure[url], > media|content[url]")) {
                String u = IngestSupport.absolute(base, enc.attr("url"));
                if (u != null) media.add(u);
            }
            media.addAll(HtmlText.media(body, link == null ? base : link));
            out.add(new Report(null, source.id(), id.strip(), url, title, text, IngestSupport.language(feedLang, source.language()),
                    published == null ? fetchedAt : published, fetchedAt, new ArrayList<>(media), point,
                    firstNonBlank(text(e.selectFirst("> dc|creator")), text(e.selectFirst("> author > name")), text(e.selectFirst("> author")))));
        }
        return out;
    }

    private static String text(Element e) {
        if (e == null) return null;
        String t = e.wholeText();
        return t.isBlank() ? null : t.strip();
    }

    private static String firstNonBlank(String... v) {
        for (String s : v) if (s != null && !s.isBlank()) return s;
        return null;
    }
}
