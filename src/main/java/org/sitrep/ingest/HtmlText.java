package org.sitrep.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns untrusted HTML from feeds and posts into plain text: scripts, styles and every tag go, line
 * and paragraph breaks stay (they separate claims in a post), entities are decoded. Images and video
 * survive only as absolute http(s) URLs. Thread-safe (stateless).
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head");

    private HtmlText() {}

    /** Plain text of an HTML fragment; null or blank gives "". */
    public static String text(String html) {
        if (html == null || html.isBlank()) return "";
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return collapse(html);
        return text(Jsoup.parseBodyFragment(html).body());
    }

    /** Plain text of an element, with breaks kept as newlines. */
    public static String text(Element root) {
        StringBuilder sb = new StringBuilder();
        root.traverse(new NodeVisitor() {
            int skipDepth = -1;

            @Override
            public void head(Node node, int depth) {
                if (skipDepth >= 0) return;
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (DROPPED.contains(tag)) { skipDepth = depth; return; }
                    if (tag.equals("br")) sb.append('\n');
                    else if (BLOCKS.contains(tag)) sb.append("\n\n");
                } else if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth == depth) { skipDepth = -1; return; }
                if (skipDepth >= 0) return;
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) sb.append("\n\n");
            }
        });
        return collapse(sb.toString());
    }

    /** Absolute http(s) URLs of images and videos in an HTML fragment, resolved against {@code baseUri}. */
    public static List<String> media(String html, String baseUri) {
        if (html == null || html.indexOf('<') < 0) return List.of();
        Document d = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        Set<String> out = new LinkedHashSet<>();
        for (Element e : d.select("img[src], video[src], video source[src]")) addUrl(out, e.absUrl("src"));
        for (Element e : d.select("video[poster]")) addUrl(out, e.absUrl("poster"));
        return new ArrayList<>(out);
    }

    static void addUrl(java.util.Collection<String> out, String url) {
        if (url == null) return;
        String u = url.strip();
        if (u.startsWith("http://") || u.startsWith("https://")) out.add(u);
    }

    /** Collapses runs of spaces (keeping single newlines and paragraph breaks) and trims. */
    static String collapse(String s) {
        String t = s.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        t = t.replaceAll("[ \\t\\f\\x0B]+", " ");
        t = t.replaceAll(" *\\n *", "\n");
        t = t.replaceAll("\\n{3,}", "\n\n");
        return t.strip();
    }
}
