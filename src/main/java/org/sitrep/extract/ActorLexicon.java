package org.sitrep.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.Actor;

/**
 * Finds the parties to an event: state forces, armed groups, militias, police, protesters, civilians,
 * outlets and officials, each with a side for map colours. The list ships as {@code actors.tsv} beside
 * this class; a deployment adds or overrides entries with its own file in the same format.
 *
 * <p>Roles follow the lead sentence, where reports say who did what: "Russian forces shelled
 * Kharkiv" makes the first party named actor1; a party after "by" ("were killed by Taliban militants")
 * is actor1 too; the next party is actor2, the others "mentioned". Immutable; thread-safe.
 */
public final class ActorLexicon {
    static final String RESOURCE = "actors.tsv";
    static final Set<String> KINDS = Set.of("state_forces", "rebel_group", "militia", "police", "protesters",
            "civilians", "outlet", "official", "other");
    /** Deployment files are small lists; this bounds what one bad path can load. */
    static final long MAX_FILE_BYTES = 8L << 20;
    static final int MAX_ACTORS = 12;

    record Entry(String kind, String side, String name) {}

    private final PhraseMatcher<Entry> matcher = new PhraseMatcher<>();
    private final int size;

    private ActorLexicon(Map<String, Entry> entries) {
        entries.forEach(matcher::add);
        size = entries.size();
    }

    /** The shipped list only. */
    public static ActorLexicon loadDefault() {
        return new ActorLexicon(readDefault());
    }

    /** The shipped list, extended and overridden (same phrase) by a deployment's file. */
    public static ActorLexicon load(Path extra) {
        Map<String, Entry> entries = readDefault();
        try {
            if (Files.size(extra) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(extra + ": actor list larger than " + MAX_FILE_BYTES + " bytes");
            }
            parse(Files.readString(extra, StandardCharsets.UTF_8), extra.toString(), entries);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("actor list not found: " + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ActorLexicon(entries);
    }

    int size() { return size; }

    private static Map<String, Entry> readDefault() {
        try (InputStream in = ActorLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource org/sitrep/extract/" + RESOURCE);
            Map<String, Entry> m = new LinkedHashMap<>();
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, m);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(String tsv, String source, Map<String, Entry> into) {
        for (TsvLines.Row r : TsvLines.parse(tsv, source, 4)) {
            String kind = r.get(1);
            if (!KINDS.contains(kind)) throw new IllegalArgumentException(r.where() + ": unknown kind '" + kind + "'; expected one of " + KINDS);
            String phrase = r.get(0);
            if (PhraseMatcher.tokenizePhrase(phrase).length == 0) throw new IllegalArgumentException(r.where() + ": empty phrase");
            into.put(phrase.toLowerCase(java.util.Locale.ROOT), new Entry(kind, r.get(2).isEmpty() ? "unknown" : r.get(2), r.get(3)));
        }
    }

    private static final Set<String> ARMED = Set.of("state_forces", "rebel_group", "militia", "police", "other");

    /** Whether an actor of one of these kinds is an armed or security party. */
    static boolean armed(Actor a) { return ARMED.contains(a.kind()); }

    List<Actor> actors(Tokens t) {
        List<PhraseMatcher.Match<Entry>> ms = matcher.findAll(t);
        int leadEnd = t.leadEnd();
        Map<String, Actor> out = new LinkedHashMap<>();
        boolean haveActor1 = false, haveActor2 = false;
        // an agent after "by" in the lead is actor1 even though it comes later
        for (var m : ms) {
            if (m.start() >= leadEnd) break;
            if (m.start() > 0 && t.word(m.start() - 1).equals("by") && !m.value().kind().equals("outlet")) {
                Entry e = m.value();
                out.put(e.name(), new Actor(e.name(), e.kind(), e.side(), "actor1"));
                haveActor1 = true;
                break;
            }
        }
        for (var m : ms) {
            if (out.size() >= MAX_ACTORS) break;
            Entry e = m.value();
            if (out.containsKey(e.name())) continue;
            String role = "mentioned";
            boolean party = m.start() < leadEnd && !e.kind().equals("outlet") && !e.kind().equals("official");
            if (party && !haveActor1) {
                role = "actor1";
                haveActor1 = true;
            } else if (party && !haveActor2) {
                role = "actor2";
                haveActor2 = true;
            }
            out.put(e.name(), new Actor(e.name(), e.kind(), e.side(), role));
        }
        return new ArrayList<>(out.values());
    }
}
