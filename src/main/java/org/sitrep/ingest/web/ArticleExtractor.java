package org.sitrep.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.internal.Json;
import org.sitrep.normalize.Canonical;

/**
 * Finds the article in a news page: metadata from what publishers declare for link previews and
 * search engines (Open Graph, article:* meta, schema.org JSON-LD, {@code <time>}), and the main text
 * by a readability-style score: each block's paragraph text counts for its parent, links count against
 * it, and the best-scoring container wins. A page with an {@code <article>} element is trusted to mark
 * its own text. Stateless; thread-safe.
 */
public final class ArticleExtractor {
    /** Paragraphs shorter than this are captions, buttons or bylines, not body text. */
    private static final int MIN_PARAGRAPH = 25;
    private static final String NOISE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, "
            + "figure figcaption, [role=navigation], [role=complementary], [aria-hidden=true], .comments, #comments, "
            + ".related, .share, .social, .advert, .ad, .newsletter, .cookie";

    public Article extract(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        JsonNode ld = jsonLdArticle(doc);
        String title = first(meta(doc, "og:title"), ld == null ? null : text(ld, "headline"), textOf(doc.selectFirst("h1")), doc.title());
        String published = first(meta(doc, "article:published_time"), ld == null ? null : text(ld, "datePublished"),
                meta(doc, "datePublished"), meta(doc, "date"), meta(doc, "dc.date"), meta(doc, "DC.date.issued"),
                attr(doc.selectFirst("[itemprop=datePublished]"), "content", "datetime"),
                attr(doc.selectFirst("article time[datetime], time[datetime]"), "datetime"));
        String author = first(ld == null ? null : ldAuthor(ld), meta(doc, "author"), meta(doc, "article:author"),
                textOf(doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author")));
        if (author != null && (author.startsWith("http://") || author.startsWith("https://"))) author = null; // article:author is often a profile URL
        String image = first(meta(doc, "og:image"), meta(doc, "twitter:image"), ld == null ? null : ldImage(ld));
        String canonical = attr(doc.selectFirst("link[rel=canonical][href]"), "abs:href");
        if (canonical == null || canonical.isEmpty()) canonical = pageUrl;
        String lang = IngestSupport.language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"), null);
        Instant when = IngestSupport.parseTime(published);
        String text = mainText(doc);
        return new Article(Canonical.url(canonical), HtmlText.text(title == null ? "" : title), text, when,
                author == null ? null : HtmlText.text(author), IngestSupport.absolute(pageUrl, image), lang);
    }

    private static String mainText(Document doc) {
        Document d = doc.clone();
        d.select(NOISE).remove();
        Element article = d.selectFirst("article");
        if (article != null && paragraphs(article).length() > 200) return paragraphs(article);
        Map<Element, Double> score = new IdentityHashMap<>();
        for (Element p : d.select("p, pre, blockquote")) {
            String t = p.text();
            if (t.length() < MIN_PARAGRAPH) continue;
            double s = 1 + Math.min(t.length() / 100.0, 3) + count(t, ',');
            Element parent = p.parent();
            if (parent == null) continue;
            score.merge(parent, s, Double::sum);
            if (parent.parent() != null) score.merge(parent.parent(), s / 2, Double::sum);
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : score.entrySet()) {
            double linkDensity = linkDensity(e.getKey());
            double s = e.getValue() * (1 - linkDensity);
            if (s > bestScore) { bestScore = s; best = e.getKey(); }
        }
        return best == null ? HtmlText.text(d.body() == null ? "" : d.body().text()) : paragraphs(best);
    }

    private static String paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        for (Element p : root.select("p, h2, h3, li, pre, blockquote")) {
            if (insideBlock(p, root)) continue; // its text is already part of the enclosing block
            String t = HtmlText.text(p);
            if (t.length() >= MIN_PARAGRAPH || p.normalName().startsWith("h") && !t.isEmpty()) out.add(t);
        }
        if (out.isEmpty()) return HtmlText.text(root);
        return String.join("\n\n", out);
    }

    private static boolean insideBlock(Element e, Element root) {
        for (Element a = e.parent(); a != null && a != root; a = a.parent()) {
            String n = a.normalName();
            if (n.equals("p") || n.equals("li") || n.equals("blockquote") || n.equals("pre")) return true;
        }
        return false;
    }

    private static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) return 1;
        int links = 0;
        for (Element a : e.select("a")) links += a.text().length();
        return Math.min(1, (double) links / all);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    private static JsonNode jsonLdArticle(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode n = Json.MAPPER.readTree(s.data());
                JsonNode found = findArticle(n, 0);
                if (found != null) return found;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // publishers ship broken JSON-LD often enough; the meta tags still apply
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode n, int depth) {
        if (n == null || depth > 4) return null;
        if (n.isArray()) {
            for (JsonNode c : n) { JsonNode f = findArticle(c, depth + 1); if (f != null) return f; }
            return null;
        }
        String type = n.path("@type").isArray() ? n.path("@type").path(0).asText("") : n.path("@type").asText("");
        if (type.endsWith("Article") || type.equals("BlogPosting") || type.equals("Report")) return n;
        return findArticle(n.get("@graph"), depth + 1);
    }

    private static String ldAuthor(JsonNode ld) {
        JsonNode a = ld.get("author");
        if (a == null) return null;
        if (a.isArray()) a = a.size() > 0 ? a.get(0) : null;
        if (a == null) return null;
        return a.isTextual() ? a.asText() : text(a, "name");
    }

    private static String ldImage(JsonNode ld) {
        JsonNode i = ld.get("image");
        if (i == null) return null;
        if (i.isArray()) i = i.size() > 0 ? i.get(0) : null;
        if (i == null) return null;
        return i.isTextual() ? i.asText() : text(i, "url");
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "][content], meta[name=" + name + "][content], meta[itemprop=" + name + "][content]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Element e, String... names) {
        if (e == null) return null;
        for (String n : names) {
            String v = e.attr(n);
            if (!v.isBlank()) return v;
        }
        return null;
    }

    private static String textOf(Element e) { return e == null ? null : e.text(); }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
