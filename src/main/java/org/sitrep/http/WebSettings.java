package org.sitrep.http;

import java.net.URI;
import java.util.Locale;

/**
 * What the web page needs from the server's settings: the base map. Immutable.
 *
 * @param tilesUrl         an XYZ tile URL template ({z}/{x}/{y}), or null for the offline country-borders map
 * @param tilesAttribution the credit the tile provider requires, shown on the map (plain text)
 */
public record WebSettings(String tilesUrl, String tilesAttribution) {
    public static final String OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors";
    public static final WebSettings DEFAULT = new WebSettings(OSM_URL, OSM_ATTRIBUTION);
    /** No tile server: the page draws the country borders it ships. */
    public static final WebSettings OFFLINE = new WebSettings(null, null);

    public WebSettings {
        if (tilesUrl != null) {
            if (tilesUrl.length() > 500) throw new IllegalArgumentException("tile URL is longer than 500 characters");
            String lower = tilesUrl.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://") && !tilesUrl.startsWith("/")) {
                throw new IllegalArgumentException("tile URL '" + tilesUrl + "' must start with https://, http:// or /"
                        + " (e.g. " + OSM_URL + "), or be 'none' for the offline borders map");
            }
            if (!tilesUrl.contains("{z}") || !tilesUrl.contains("{x}") || !tilesUrl.contains("{y}")) {
                throw new IllegalArgumentException("tile URL '" + tilesUrl + "' needs the {z}, {x} and {y} placeholders");
            }
            // Rejects spaces and other characters that cannot be in a URL, so the page gets a usable template.
            URI.create(tilesUrl.replace("{", "").replace("}", ""));
            if (tilesAttribution == null || tilesAttribution.isBlank()) tilesAttribution = "";
            if (tilesAttribution.length() > 300) throw new IllegalArgumentException("tile attribution is longer than 300 characters");
        } else {
            tilesAttribution = null;
        }
    }

    /** From the command line: "none" (any case) means the offline map; a URL with no attribution given keeps OSM's credit only for OSM. */
    public static WebSettings of(String url, String attribution) {
        if (url == null || url.isBlank()) return DEFAULT;
        if (url.strip().equalsIgnoreCase("none")) return OFFLINE;
        String credit = attribution != null ? attribution : url.strip().equals(OSM_URL) ? OSM_ATTRIBUTION : "";
        return new WebSettings(url.strip(), credit);
    }
}
