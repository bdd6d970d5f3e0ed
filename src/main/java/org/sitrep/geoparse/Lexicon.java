package org.sitrep.geoparse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sitrep.geoparse.gazetteer.NameKey;

/**
 * The word lists of the recognizer (lexicon.txt and english-words.txt beside this class), folded
 * with {@link NameKey}. Immutable after loading; one instance is shared by all threads.
 */
final class Lexicon {
    final Set<String> demonyms, titles, orgHeads, orgTails, adminCues, adminCuesBefore, directions, locatives, speechVerbs, givenNames, surnames, placeNouns, stop;
    final Set<String> englishWords;

    private Lexicon(Map<String, Set<String>> sections, Set<String> englishWords) {
        this.demonyms = section(sections, "demonyms");
        this.titles = section(sections, "titles");
        this.orgHeads = section(sections, "org-heads");
        this.orgTails = section(sections, "org-tails");
        this.adminCues = section(sections, "admin-cues");
        this.adminCuesBefore = section(sections, "admin-cues-before");
        this.directions = section(sections, "directions");
        this.locatives = section(sections, "locatives");
        this.givenNames = section(sections, "given-names");
        this.surnames = section(sections, "surnames");
        this.placeNouns = section(sections, "place-nouns");
        this.speechVerbs = section(sections, "speech-verbs");
        this.stop = section(sections, "stop");
        this.englishWords = englishWords;
    }

    private static Set<String> section(Map<String, Set<String>> s, String name) {
        Set<String> v = s.get(name);
        if (v == null) throw new IllegalStateException("lexicon.txt has no [" + name + "] section");
        return Set.copyOf(v);
    }

    static Lexicon load() {
        Map<String, Set<String>> sections = new HashMap<>();
        String[] current = {null};
        lines("lexicon.txt", line -> {
            if (line.startsWith("[") && line.endsWith("]")) {
                current[0] = line.substring(1, line.length() - 1);
                sections.computeIfAbsent(current[0], k -> new HashSet<>());
            } else if (current[0] != null) {
                String k = NameKey.of(line);
                if (!k.isEmpty()) sections.get(current[0]).add(k);
            }
        });
        Set<String> words = new HashSet<>(80_000);
        lines("english-words.txt", words::add);
        return new Lexicon(sections, Set.copyOf(words));
    }

    private static void lines(String resource, java.util.function.Consumer<String> sink) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) sink.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
