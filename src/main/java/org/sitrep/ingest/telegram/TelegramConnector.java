package org.sitrep.ingest.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.ingest.Validators;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * Public Telegram channels through their web preview (https://t.me/s/CHANNEL), which needs no
 * account or API key. The cursor is the highest post number stored; the next poll asks for
 * {@code ?after=N}, which Telegram answers with the posts right after N (about 20 a page), so a busy
 * channel is caught up over several polls without gaps. Each post becomes a report with its text
 * (links and formatting stripped), its time, and its photo and video URLs. Thread-safe.
 */
public final class TelegramConnector implements Connector {
    private static final Pattern CHANNEL = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{3,63}$");
    private static final Pattern BG_URL = Pattern.compile("background-image:\\s*url\\(['\"]?([^'\")]+)['\"]?\\)");
    /** Telegram shows about 20 posts a page; a page this full probably has more after it. */
    static final int FULL_PAGE = 15;
    private final SafeFetcher fetcher;

    public TelegramConnector(SafeFetcher fetcher) { this.fetcher = fetcher; }

    @Override public String type() { return "telegram"; }

    /**
     * The preview URL for a source written as "@name", "name", "t.me/name", "https://t.me/s/name", or a
     * full http(s) URL of a preview page (a mirror, or a test server), used as given.
     */
    static String previewUrl(String handle) throws FetchException {
        if (handle == null || handle.isBlank()) throw new FetchException(FetchException.Reason.BAD_URL, null, "telegram source needs a channel name");
        String h = handle.strip();
        if (h.startsWith("http://") || h.startsWith("https://")) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.matches("https?://(www\\.)?(t|telegram)\\.me/[a-z0-9_]+/?")) {
                return "https://t.me/s/" + h.replaceAll("/+$", "").substring(h.replaceAll("/+$", "").lastIndexOf('/') + 1);
            }
            return h;
        }
        h = h.replaceFirst("^@", "").replaceFirst("^(t|telegram)\\.me/(s/)?", "");
        if (!CHANNEL.matcher(h).matches()) throw new FetchException(FetchException.Reason.BAD_URL, null, "not a Telegram channel name: '" + handle + "'");
        return "https://t.me/s/" + h;
    }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        long after = cursor.position() == null ? 0 : parseLong(cursor.position());
        String base = previewUrl(source.url());
        String url = after > 0 ? base + (base.contains("?") ? "&" : "?") + "after=" + after : base;
        // Validators are not sent: the page changes with every view counter, and ?after=N differs per poll.
        FetchResult r = fetcher.fetch(url, Validators.NONE, "text/html");
        Document doc = Jsoup.parse(r.text(), r.finalUri().toString());
        List<Element> posts = doc.select(".tgme_widget_message[data-post]");
        if (posts.isEmpty() && doc.selectFirst(".tgme_channel_info, .tgme_page, .tgme_widget_message_wrap") == null) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(),
                    "not a public channel preview page (is the channel public and the name right?)");
        }
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        long max = after;
        for (Element post : posts) {
            String dataPost = post.attr("data-post");
            String where = "post " + dataPost;
            int slash = dataPost.lastIndexOf('/');
            long id = slash < 0 ? -1 : parseLong(dataPost.substring(slash + 1));
            if (id <= 0) {
                errors.add(ItemError.skipped(where, "data-post has no post number"));
                continue;
            }
            if (id <= after) continue;
            max = Math.max(max, id);
            try {
                Report rep = toReport(source, post, dataPost, r, where, errors);
                if (rep != null) out.add(rep);
            } catch (RuntimeException e) {
                errors.add(ItemError.skipped(where, "unreadable post: " + IngestSupport.describe(e)));
            }
        }
        out.sort(Comparator.comparing(Report::publishedAt));
        boolean more = after > 0 && posts.size() >= FULL_PAGE && max > after;
        return new Batch(out, new Cursor(max > 0 ? Long.toString(max) : null, Validators.NONE), errors, more);
    }

    private static Report toReport(Source source, Element post, String dataPost, FetchResult r, String where, List<ItemError> errors) {
        if (post.hasClass("service_message")) return null;
        Element textEl = null;
        for (Element t : post.select(".tgme_widget_message_text")) {
            // the quoted message of a reply carries its own text block; the post's own is outside it
            if (t.closest(".tgme_widget_message_reply") == null) { textEl = t; break; }
        }
        String text = textEl == null ? "" : HtmlText.text(textEl);
        Element time = post.selectFirst(".tgme_widget_message_date time[datetime], time[datetime]");
        Instant published = time == null ? null : IngestSupport.parseTime(time.attr("datetime"));
        if (published == null) {
            errors.add(ItemError.skipped(where, "post has no readable time"));
            return null;
        }
        Set<String> media = new LinkedHashSet<>();
        for (Element e : post.select(".tgme_widget_message_photo_wrap[style], .tgme_widget_message_video_thumb[style], .link_preview_image[style]")) {
            Matcher m = BG_URL.matcher(e.attr("style"));
            if (m.find()) addHttp(media, IngestSupport.absolute(r.finalUri().toString(), m.group(1)));
        }
        for (Element v : post.select("video[src]")) addHttp(media, v.absUrl("src"));
        if (text.isEmpty() && media.isEmpty()) {
            errors.add(ItemError.skipped(where, "post has neither text nor media (sticker, poll or unsupported type)"));
            return null;
        }
        Element link = post.selectFirst("a.tgme_widget_message_date[href]");
        String url = link != null ? link.absUrl("href") : "https://t.me/" + dataPost;
        String lang = IngestSupport.language(null, source.language());
        // a channel that signs its posts names the admin who wrote each one; otherwise the channel is the author
        Element signature = post.selectFirst(".tgme_widget_message_from_author");
        Element owner = post.selectFirst(".tgme_widget_message_owner_name");
        String author = signature != null ? signature.text() : owner != null ? owner.text() : null;
        return new Report(null, source.id(), "telegram:" + dataPost, Canonical.url(url), "", text, lang,
                published, r.fetchedAt(), new ArrayList<>(media), null, author);
    }

    private static void addHttp(Set<String> out, String url) {
        if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) out.add(url);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
