package org.sitrep.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.sitrep.app.Sitrep;
import org.sitrep.app.Stages;
import org.sitrep.ingest.schedule.ReportSink;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.store.Store;
import org.sitrep.ingest.Connectors;
import org.sitrep.ingest.FetchConfig;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.ingest.schedule.PollScheduler;
import org.sitrep.ingest.schedule.Polling;
import org.sitrep.ingest.schedule.SourceHealth;
import org.sitrep.ingest.schedule.SourceStateStore;
import org.sitrep.internal.Json;
import org.sitrep.model.Source;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Manage the sources Sitrep polls: feeds, web pages, Telegram channels, Mastodon and Bluesky",
                "timelines, and files. 'sitrep serve' polls the active ones in the background."},
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Pause.class,
                SourcesCommand.Resume.class, SourcesCommand.Remove.class, SourcesCommand.Poll.class})
final class SourcesCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static final java.util.Set<String> TYPES = new TreeSet<>(List.of("rss", "atom", "web", "telegram", "mastodon", "bluesky", "file", "push"));

    /** Parses 90s, 10m, 2h, 1d or ISO 8601 (PT10M). */
    static Duration interval(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.matches("\\d+[smhd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(s.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UserException("not an interval: '" + s + "' (use 90s, 10m, 2h or 1d)");
        }
    }

    /** The polling state over {@code store}; reports committed through it go to {@code sink}. */
    static SourceStateStore state(Store store, ReportSink sink) {
        try {
            return Polling.stateStore(store, sink);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * For commands that only manage sources (no pipeline, so no gazetteer is loaded). Empty on a store
     * without polling state yet: sources are still managed, health is not shown.
     */
    static java.util.Optional<SourceStateStore> state(Store store) {
        try {
            return java.util.Optional.of(Polling.stateStore(store, ReportSink.STORE_ONLY));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static Store openStore(StoreOptions o) {
        return Sitrep.openStore(o.db, o.dataDir);
    }

    static Source existing(Store store, String id) {
        return store.source(id).orElseThrow(() -> new UserException("no source '" + id + "'; 'sitrep sources list' shows them"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a source (or replace the one with the same id).",
            "Examples:",
            "  sitrep sources add --type rss --url https://example.org/feed.xml --reliability B",
            "  sitrep sources add --type telegram --url @channel_name --language uk --country UA",
            "  sitrep sources add --type mastodon --url https://mastodon.social/tags/Sudan",
            "  sitrep sources add --type bluesky --url 'https://bsky.app/search?q=El Fasher'",
            "  sitrep sources add --type file --url /data/acled-export.csv"})
    static final class Add implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Option(names = "--type", required = true, description = "rss, atom, web, telegram, mastodon, bluesky, file or push.") String type;
        @Option(names = "--url", description = "Feed or page URL, @channel, timeline URL, search, or file path (not for push).") String url;
        @Option(names = "--id", description = "Stable id (default: derived from type and URL).") String id;
        @Option(names = "--name", description = "Display name (default: the id).") String name;
        @Option(names = "--language", description = "ISO 639-1 language hint, e.g. en, ar, ru, uk.") String language;
        @Option(names = "--country", description = "ISO 3166-1 alpha-2 country the source mostly covers (a geographic prior).") String country;
        @Option(names = "--reliability", defaultValue = "F", description = "Admiralty grade A-F (default: ${DEFAULT-VALUE}, cannot be judged).") String reliability;
        @Option(names = "--interval", defaultValue = "10m", description = "Poll interval: 90s, 10m, 2h, 1d (default: ${DEFAULT-VALUE}).") String interval;
        @Option(names = "--paused", description = "Add it paused.") boolean paused;

        @Override public void run() {
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(t)) throw new UserException("unknown --type '" + type + "'; one of " + String.join(", ", TYPES));
            if (!t.equals("push") && (url == null || url.isBlank())) throw new UserException("--url is required for a " + t + " source");
            if (t.matches("rss|atom|web") && !url.matches("(?i)https?://\\S+")) throw new UserException("--url must be an http(s) URL for " + t);
            String r = reliability.strip().toUpperCase(Locale.ROOT);
            if (!r.matches("[A-F]")) throw new UserException("--reliability must be one of A-F");
            if (language != null && !language.matches("[a-zA-Z]{2}")) throw new UserException("--language must be a two-letter ISO 639-1 code");
            if (country != null && !country.matches("[a-zA-Z]{2}")) throw new UserException("--country must be a two-letter ISO 3166-1 code");
            Duration every = interval(interval);
            String sid = id != null ? id.strip() : defaultId(t, url);
            if (!sid.matches("[\\p{L}\\p{N}._:@/\\-]+")) throw new UserException("--id may use letters, digits and . _ : @ / - only");
            Source s = new Source(sid, name, t, url == null ? null : url.strip(), language == null ? null : language.toLowerCase(Locale.ROOT),
                    country == null ? null : country.toUpperCase(Locale.ROOT), r.charAt(0), t.equals("push") ? null : every, paused);
            try (Store store = openStore(storeOptions)) {
                boolean replaced = store.source(sid).isPresent();
                store.saveSource(s);
                if (!t.equals("push")) state(store).ifPresent(st -> st.pollSoon(sid, Instant.now()));
                System.out.println((replaced ? "updated " : "added ") + sid);
            }
        }

        static String defaultId(String type, String url) {
            if (url == null) return type + ":" + Long.toString(System.currentTimeMillis(), 36);
            String u = url.strip().replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("^@", "")
                    .replaceAll("[^\\p{L}\\p{N}._@/-]+", "-").replaceAll("/+$", "");
            if (u.length() > 80) u = u.substring(0, 80);
            return type + ":" + u;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources with their health: last success, last error, items per day.")
    static final class ListSources implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Option(names = "--json", description = "One JSON object per source instead of a table.") boolean json;

        @Override public void run() {
            try (Store store = openStore(storeOptions)) {
                java.util.Optional<SourceStateStore> state = state(store);
                Instant now = Instant.now();
                List<Source> sources = store.sources();
                if (sources.isEmpty()) {
                    System.out.println("no sources yet; add one with 'sitrep sources add --type rss --url URL'");
                    return;
                }
                PrintStream out = System.out;
                if (!json) out.printf("%-40s %-9s %-3s %-7s %-8s %-20s %9s  %s%n", "ID", "TYPE", "REL", "EVERY", "STATUS", "LAST SUCCESS", "ITEMS/DAY", "LAST ERROR");
                for (Source s : sources) {
                    SourceHealth h = s.type().equals("push") || state.isEmpty() ? SourceHealth.NEW : state.get().health(s.id(), now);
                    if (json) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("source", s);
                        m.put("health", h);
                        try {
                            out.println(Json.MAPPER.writeValueAsString(m));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                        continue;
                    }
                    String status = s.paused() ? "paused" : s.type().equals("push") ? "push" : h.consecutiveFailures() > 0 ? "failing" : h.lastSuccessAt() == null ? "new" : "ok";
                    String err = h.lastError() == null ? "" : (h.lastErrorAt() + " " + h.lastError());
                    if (err.length() > 100) err = err.substring(0, 100) + "...";
                    out.printf("%-40s %-9s %-3s %-7s %-8s %-20s %9.1f  %s%n", clip(s.id(), 40), s.type(), s.reliability(),
                            s.pollInterval() == null ? "-" : human(s.pollInterval()), status,
                            h.lastSuccessAt() == null ? "-" : h.lastSuccessAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                            h.itemsPerDay(), err);
                }
            }
        }

        private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "~"; }

        private static String human(Duration d) {
            long s = d.toSeconds();
            if (s % 86400 == 0) return s / 86400 + "d";
            if (s % 3600 == 0) return s / 3600 + "h";
            if (s % 60 == 0) return s / 60 + "m";
            return s + "s";
        }
    }

    abstract static class Toggle implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Source ids.") List<String> ids = new ArrayList<>();

        abstract boolean paused();

        @Override public void run() {
            try (Store store = openStore(storeOptions)) {
                for (String id : ids) {
                    Source s = existing(store, id);
                    store.saveSource(new Source(s.id(), s.name(), s.type(), s.url(), s.language(), s.countryPrior(),
                            s.reliability(), s.pollInterval(), paused()));
                    if (!paused() && !s.type().equals("push")) state(store).ifPresent(st -> st.pollSoon(id, Instant.now()));
                    System.out.println((paused() ? "paused " : "resumed ") + id);
                }
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop polling sources (their reports stay).")
    static final class Pause extends Toggle {
        @Override boolean paused() { return true; }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Poll paused sources again, starting now.")
    static final class Resume extends Toggle {
        @Override boolean paused() { return false; }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove sources and their polling state (their reports stay).")
    static final class Remove implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Source ids.") List<String> ids = new ArrayList<>();

        @Override public void run() {
            try (Store store = openStore(storeOptions)) {
                for (String id : ids) {
                    existing(store, id);
                    store.removeSource(id);
                    System.out.println("removed " + id);
                }
            }
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true, description = {
            "Poll every due source now, store what is new, print a summary and exit ('sitrep serve' does this continuously).",
            "Sources that report more waiting (a big file, a busy channel) are polled again until they are drained."})
    static final class Poll implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Option(names = "--all", description = "Poll every active source, not only those due.") boolean all;
        @Option(names = "--concurrency", defaultValue = "64", description = "Polls in flight at once (default: ${DEFAULT-VALUE}).") int concurrency;
        @Option(names = "--allow-private-addresses", description = "Allow fetching from loopback and private networks (intranet feeds, tests).") boolean allowPrivate;
        @Option(names = "--timeout", defaultValue = "30s", description = "Time limit per fetch (default: ${DEFAULT-VALUE}).") String timeout;
        @Option(names = "--per-host", defaultValue = "2", description = "Requests in flight per host (default: ${DEFAULT-VALUE}).") int perHost;
        @Option(names = "--host-delay", defaultValue = "1s", description = "Minimum gap between requests to one host (default: ${DEFAULT-VALUE}).") String hostDelay;
        @Option(names = "--no-geoparse", description = "Skip place-name recognition (no gazetteer needed); reports keep only the coordinates their source gave.") boolean noGeoparse;

        @Override public void run() {
            if (concurrency < 1 || perHost < 1) throw new UserException("--concurrency and --per-host must be at least 1");
            FetchConfig fetch = FetchConfig.defaults().withAllowPrivateAddresses(allowPrivate).withTotalTimeout(interval(timeout))
                    .withPerHost(perHost, hostDelay.matches("0+") ? Duration.ZERO : interval(hostDelay));
            Clock clock = Clock.systemUTC();
            Stages stages = noGeoparse ? Stages.standard(Geoparser.SOURCE_COORDINATES_ONLY) : Stages.standard();
            try (Sitrep sitrep = Sitrep.open(storeOptions.db, storeOptions.dataDir, clock, stages)) {
                sitrep.ingestor().resume();
                SourceStateStore state = state(sitrep.store(), sitrep.ingestor()::attach);
                state.releaseStaleLeases(clock.instant());
                if (all) for (Source s : sitrep.store().sources()) if (!s.paused() && !s.type().equals("push")) state.pollSoon(s.id(), clock.instant());
                long t0 = System.nanoTime();
                int polls;
                PollScheduler.Counters c;
                try (PollScheduler scheduler = new PollScheduler(state, Connectors.standard(new SafeFetcher(fetch, clock), clock),
                        org.sitrep.ingest.schedule.PollPlanner.defaults(java.util.random.RandomGenerator.getDefault()),
                        new PollScheduler.Config(concurrency, Duration.ofMinutes(10), Duration.ofSeconds(1)), clock)) {
                    polls = scheduler.runDue();
                    c = scheduler.counters();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserException("interrupted");
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("polled %d times: %d failed, %d new reports, %.1f s (%.1f polls/s)%n", polls, c.failures(), c.reportsNew(),
                        secs, polls / Math.max(secs, 1e-9));
            }
        }
    }
}
