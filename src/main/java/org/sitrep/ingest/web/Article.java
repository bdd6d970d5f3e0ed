package org.sitrep.ingest.web;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found on a page. Immutable.
 *
 * @param canonicalUrl the page's declared canonical URL (or the fetched one), tracking parameters stripped
 * @param title        headline
 * @param text         main text, paragraphs separated by blank lines; navigation, ads and comments left out
 * @param publishedAt  publication time the page declares, or null
 * @param author       byline, or null
 * @param leadImage    absolute URL of the lead image, or null
 * @param language     ISO 639-1 from the html lang attribute, or null
 */
public record Article(String canonicalUrl, String title, String text, Instant publishedAt, String author,
                      String leadImage, String language) {}
