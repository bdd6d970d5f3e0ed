package org.sitrep.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds attributed statements (source, cue, content) in news text with cue lexicons and the word
 * order around the cue; no parser. Handles the forms news uses:
 * <ul>
 *   <li>source cue content: "The ministry said that two drones were shot down."</li>
 *   <li>content, source cue: "Two drones were shot down, the ministry said." and
 *       "“We were attacked,” he said." (the quote may run over several sentences)</li>
 *   <li>content, cue source: "“...,” said Ivan Petrov, the governor." and verb-first Arabic
 *       "وقال المتحدث إن ..."</li>
 *   <li>according to: "According to the governor, three people died." / "..., according to TASS."</li>
 *   <li>interrupted content: "The strike, he said, hit a school." (two content fragments)</li>
 *   <li>nested: "TASS reported, citing the ministry, that ..." and a speaker inside another's content;
 *       the relays go to {@link Attribution#via()}, outermost first.</li>
 * </ul>
 * Pure and thread-safe. Input beyond {@link #MAX_CHARS} characters is not analysed.
 */
public final class AttributionExtractor {
    /** Only the first this many characters of a text are analysed (a long article's tail is rarely the news). */
    public static final int MAX_CHARS = 200_000;
    /** A source phrase longer than this is a misparse (a whole clause), not a speaker. */
    static final int MAX_SOURCE_WORDS = 30;
    /** A quote longer than this is an unbalanced quotation mark, not a quote. */
    static final int MAX_QUOTE_CHARS = 4_000;
    static final int MAX_ATTRIBUTIONS = 2_000;
    /** Longer sentences are cut (news sentences are far shorter; this bounds the work per cue). */
    static final int MAX_SENTENCE_CHARS = 2_000;

    /** Default score above which the {@link CueTagger} makes an English word a cue (chosen by 4-fold cross-validation on PolNeAR train, see BENCHMARKS.md). */
    public static final double CUE_THRESHOLD = -7.0;
    /** Default score below which the tagger overrules a hand-lexicon cue ("the report", "a think tank"). */
    public static final double VETO_THRESHOLD = -7.0;

    private final Map<String, CueLexicon> lexicons = new HashMap<>();
    private final CueTagger tagger;
    private final double cueThreshold, vetoThreshold;

    /** With the shipped {@link CueTagger} for English and the default thresholds. */
    public AttributionExtractor() { this(Set.of(), CueTagger.load(), CUE_THRESHOLD, VETO_THRESHOLD); }

    /** With these extra English cue words (for example {@link LearnedCues#cueWords(double, int)}) beside the hand lexicons, no tagger. */
    public AttributionExtractor(Set<String> learnedEnglishCues) { this(learnedEnglishCues, null, CUE_THRESHOLD, VETO_THRESHOLD); }

    /**
     * English cues from the hand lexicon, the learned words and, when {@code tagger} is not null, every word the tagger
     * scores above {@code cueThreshold}; a hand cue whose words all score below {@code vetoThreshold} is dropped.
     * The other languages use their hand lexicons only.
     */
    public AttributionExtractor(Set<String> learnedEnglishCues, CueTagger tagger, double cueThreshold, double vetoThreshold) {
        for (String lang : List.of("en", "ru", "uk", "ar")) lexicons.put(lang, CueLexicon.forLanguage(lang, learnedEnglishCues));
        this.tagger = tagger;
        this.cueThreshold = cueThreshold;
        this.vetoThreshold = vetoThreshold;
    }

    /** Attributions in {@code text}, ordered by cue position; {@code language} is an ISO 639-1 code or null (English). */
    public List<Attribution> extract(String text, String language) {
        if (text == null || text.isEmpty()) return List.of();
        String t = twoApostropheQuotes(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        CueLexicon lex = lexicons.getOrDefault(language == null ? "en" : language.toLowerCase(Locale.ROOT), lexicons.get("en"));
        List<Span> quotes = quotes(t);
        Tagged tagged = null;
        if (tagger != null && lex.language.equals("en")) {
            List<CueTagger.Token> toks = CueTagger.tokens(t);
            List<CueLexicon.Match> hand = lex.matches(t);
            tagged = new Tagged(toks, tagger.scores(t, toks, hand, quotes), hand);
        }
        List<Attribution> out = new ArrayList<>();
        int consumed = 0; // end of the last cue used: "reported, citing" uses up "citing"
        for (Span sentence : sentences(t, lex.language)) {
            List<Cue> cues = cues(t, sentence, lex, tagged);
            Attribution colon = speakerColon(t, sentence);
            // "He added: ..." is the cue's; only a bare name before the colon is a speaker.
            if (colon != null && out.size() < MAX_ATTRIBUTIONS && (cues.isEmpty() || cues.get(0).start > colon.cue().start())) {
                out.add(colon);
                consumed = Math.max(consumed, colon.cue().end());
            }
            for (Cue m : cues) {
                if (out.size() >= MAX_ATTRIBUTIONS) break;
                if (m.start < consumed || insideSource(out, m.start)) continue;
                if (lex.nounBefore.matcher(t).region(Math.max(sentence.start(), m.start - 12), m.start).find()) continue;
                if (lex.language.equals("en") && naming(t, sentence, m)) continue;
                if (lex.language.equals("en") && m.cue == lex.learnedCue && addressee(t, m)) continue;
                Span region = sentence;
                Span q = enclosingQuote(quotes, m.start);
                if (q != null && q.start() >= sentence.start() - MAX_QUOTE_CHARS) {
                    // A cue inside a quote speaks inside the quote: "“They told us to leave,” she said."
                    region = new Span(Math.max(sentence.start(), q.start() + 1), Math.min(sentence.end(), q.end() - 1));
                    if (region.length() <= 0) continue;
                }
                Attribution a = m.cue.sourceAfter() && !(lex.language.equals("en") && citedReason(t, region, m))
                        ? accordingTo(t, region, m, lex) : verbCue(t, region, m, lex, quotes, out);
                if (a != null && !a.content().isEmpty()) {
                    out.add(a);
                    consumed = a.cue().end();
                }
            }
        }
        signatures(t, quotes, out);
        return nest(out);
    }

    /**
     * A name after a dash signs what precedes it: a quote ("“We will rebuild the school.” ― Olena K., teacher"), a
     * quote on the line above ("\"...\"\n\n- Sanders.") or an embedded post ("... #Kharkiv — Jane Doe (@jdoe) May 3, 2024").
     * A name followed by a verb ("” — the governor said") is left to the verb cue.
     */
    private static final Pattern SIGNATURE = Pattern.compile(
            "[ \\t\\u00a0]*(?:\\n[ \\t\\u00a0]*){0,2}([―—–]|-{1,2})[ \\u00a0]*"
                    + "(\\p{Lu}[\\p{L}.’'\\-]*(?:[ \\u00a0]+(?:\\p{Lu}[\\p{L}.’'\\-]*|de|da|van|von|al|bin|el|la|del)){0,5})"
                    + "(?=[ \\u00a0]*(?:[.,(\\n“\"]|$))");
    private static final Pattern POST_SIGNATURE = Pattern.compile(
            "[ \\u00a0]([―—–]|--?)[ \\u00a0]*(\\p{Lu}[\\p{L}.’'\\-]*(?:[ \\u00a0]+\\p{Lu}[\\p{L}.’'\\-]*){0,4})[ \\u00a0]*\\(@\\w{1,30}\\)");

    private static void signatures(String t, List<Span> quotes, List<Attribution> out) {
        int before = out.size();
        Matcher m = SIGNATURE.matcher(t);
        for (Span q : quotes) {
            if (out.size() >= MAX_ATTRIBUTIONS) break;
            if (q.end() >= t.length() || !isCloseQuote(t.charAt(q.end() - 1))) continue;
            m.region(q.end(), Math.min(t.length(), q.end() + 200));
            if (!m.lookingAt()) continue;
            out.add(new Attribution(new Span(m.start(2), m.end(2)), new Span(m.start(1), m.end(1)), List.of(q), CueKind.ASSERT, List.of()));
        }
        Matcher p = POST_SIGNATURE.matcher(t);
        while (p.find() && out.size() < MAX_ATTRIBUTIONS) {
            int lineStart = t.lastIndexOf('\n', p.start()) + 1;
            Span content = trimmed(t, lineStart, p.start());
            if (content == null || words(t, content) < 2) continue;
            out.add(new Attribution(new Span(p.start(2), p.end(2)), new Span(p.start(1), p.end(1)), List.of(content), CueKind.ASSERT, List.of()));
        }
        if (out.size() > before) out.sort(Comparator.comparingInt(a -> a.cue().start()));
    }

    private record Cue(int start, int end, CueLexicon.Cue cue) {}

    /** "Zelensky: Russia launched 90 drones overnight" and transcripts ("TAPPER: Do you think ..."). */
    private static final Pattern SPEAKER_COLON = Pattern.compile(
            "^[\"“]?(\\p{Lu}[\\p{L}’'.\\-]*(?:\\s+[\\p{L}’'.\\-]+){0,4}):\\s+\\S");
    private static final Set<String> LABELS = Set.of("breaking", "update", "updated", "live", "watch", "video", "photos", "opinion",
            "analysis", "exclusive", "editorial", "q&a", "note", "editor's note", "correction", "read more", "related", "source",
            "sources", "photo", "explainer", "timeline", "factbox", "fact check", "poll", "map", "warning", "summary", "update 1",
            "update 2", "срочно", "молния", "видео", "фото", "терміново", "відео", "عاجل", "فيديو");

    private static Attribution speakerColon(String t, Span sentence) {
        Matcher m = SPEAKER_COLON.matcher(t).region(sentence.start(), sentence.end());
        if (!m.lookingAt()) return null;
        String speaker = m.group(1);
        // "Q:" and "A:" mark an interview's turns, not who speaks.
        if (LABELS.contains(speaker.toLowerCase(Locale.ROOT)) || speaker.chars().anyMatch(Character::isDigit) || speaker.length() < 2) return null;
        for (String w : speaker.split("\\s+")) {
            // "Zelensky:", "US Secretary of State:" are speakers; "Saraqib market strike:" is a topic.
            if (!Character.isUpperCase(w.codePointAt(0)) && !Set.of("of", "al", "de", "the", "for", "and").contains(w)) return null;
        }
        int colon = m.end(1);
        int re = contentEnd(t, sentence.start(), sentence.end());
        Span content = trimmed(t, colon + 1, re);
        if (content == null || words(t, content) < 2) return null;
        return new Attribution(new Span(m.start(1), colon), new Span(colon, colon + 1), List.of(content), CueKind.ASSERT, List.of());
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’\\-]\\p{L}+)*");

    /** The tagger's tokens of the whole text and their cue scores. */
    private record Tagged(List<CueTagger.Token> tokens, double[] scores, List<CueLexicon.Match> hand) {
        int firstHandAtOrAfter(int pos) {
            int lo = 0, hi = hand.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (hand.get(mid).start() < pos) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        int firstAtOrAfter(int pos) {
            int lo = 0, hi = tokens.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tokens.get(mid).start() < pos) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        double max(int start, int end) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = firstAtOrAfter(start); i < tokens.size() && tokens.get(i).start() < end; i++) best = Math.max(best, scores[i]);
            return best;
        }
    }

    private List<Cue> cues(String t, Span s, CueLexicon lex, Tagged tagged) {
        List<Cue> found = new ArrayList<>();
        List<Cue> vetoed = new ArrayList<>();
        if (tagged != null) {
            // The hand cues were found once for the whole text (the tagger needs them too).
            for (int i = tagged.firstHandAtOrAfter(s.start()); i < tagged.hand.size() && tagged.hand.get(i).start() < s.end(); i++) {
                CueLexicon.Match m = tagged.hand.get(i);
                if (m.end() > s.end()) continue;
                (vetoed(t, m.start(), m.end(), m.cue().kind(), tagged) ? vetoed : found).add(new Cue(m.start(), m.end(), m.cue()));
            }
        } else {
            for (CueLexicon.Cue c : lex.cues) {
                Matcher m = c.pattern().matcher(t).region(s.start(), s.end());
                m.useTransparentBounds(true);
                while (m.find()) found.add(new Cue(m.start(), m.end(), c));
            }
        }
        if (tagged != null) {
            // Runs of adjacent words the tagger scores as cues ("sided with", "don't like") become one learned cue, unless a
            // hand cue covers part of the run: the hand cue knows its kind ("has said" stays an assertion), and a hand cue the
            // tagger overruled is not brought back as a learned one.
            int hand = found.size();
            found.addAll(vetoed);
            int runStart = -1, runEnd = -1;
            for (int i = tagged.firstAtOrAfter(s.start()); i < tagged.tokens.size() && tagged.tokens.get(i).start() < s.end(); i++) {
                CueTagger.Token k = tagged.tokens.get(i);
                if (tagged.scores[i] > cueThreshold && k.end() <= s.end()) {
                    if (runStart < 0) runStart = k.start();
                    runEnd = k.end();
                } else if (runStart >= 0) {
                    addRun(t, found, hand + vetoed.size(), runStart, runEnd, lex);
                    runStart = -1;
                }
            }
            if (runStart >= 0) addRun(t, found, hand + vetoed.size(), runStart, runEnd, lex);
            found.subList(hand, hand + vetoed.size()).clear();
        }
        if (!lex.words.isEmpty()) {
            Matcher w = WORD.matcher(t).region(s.start(), s.end());
            while (w.find()) {
                if (lex.words.contains(w.group().toLowerCase(Locale.ROOT).replace('’', '\''))) found.add(new Cue(w.start(), w.end(), lex.learnedCue));
            }
        }
        // Longest match first at each position, then drop overlaps: "rejected as false" beats "rejected".
        found.sort(Comparator.comparingInt(Cue::start).thenComparing(c -> -(c.end - c.start)));
        List<Cue> kept = new ArrayList<>();
        int lastEnd = -1;
        for (Cue c : found) {
            if (c.start < lastEnd) continue;
            kept.add(c);
            lastEnd = c.end;
        }
        return kept;
    }

    private static final Pattern SPEECH_VERB = Pattern.compile("(?i)(?<![\\p{L}])(?:told|tells)(?![\\p{L}])");
    /** "a group called Veterans for Peace", "an operation dubbed Iron Wall": a name is given, nothing is said. */
    private static final Pattern NAMING = Pattern.compile("(?<![\\p{L}])(?:[Aa]|[Aa]n)\\s+(?:\\p{Ll}+\\s+){0,2}\\p{Ll}+\\s+$");
    private static final Pattern NAMING_VERB = Pattern.compile("(?:called|named|dubbed|titled|entitled)\\s+[\"“‘']?\\p{Lu}");

    /** Whether the cue at {@code m} gives a name rather than reporting speech: "a group called Veterans for Peace". */
    private static boolean naming(String t, Span sentence, Cue m) {
        if (!NAMING_VERB.matcher(t).region(m.start, Math.min(t.length(), m.end + 3)).lookingAt()) return false;
        return NAMING.matcher(t).region(Math.max(sentence.start(), m.start - 40), m.start).useTransparentBounds(true).find();
    }

    /** Whether the cue's first word is a gerund: ", adding that ...", ", referring to ...". */
    private static boolean gerund(String t, Cue m) {
        int e = m.start;
        while (e < m.end && Character.isLetter(t.charAt(e))) e++;
        return e - m.start > 4 && t.startsWith("ing", e - 3);
    }

    private static final Pattern CITED_STOP = Pattern.compile("[,;:(“\"]|\\s(?:in|at|from|on|about|as|that|which|who|and|to|for|when|after|before|during)\\s");
    private static final Pattern BY_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])by\\s+$");

    /**
     * Whether a "citing" after a clause names a reason, not a relayed speaker: "She cancelled the rally, citing the attack",
     * "He defended the ban by citing a poll" (the subject cites; what is cited is the content) against "..., Reuters reported,
     * citing local officials" and "citing the Interior Ministry" (a speaker noun or a name: the cited speaks, relayed).
     */
    private static boolean citedReason(String t, Span region, Cue m) {
        if (!t.substring(m.start, m.end).equalsIgnoreCase("citing")) return false;
        int lt = trimEndIndex(t, region.start(), m.start);
        if (lt <= region.start()) return false;
        if (t.charAt(lt - 1) != ',' && !BY_BEFORE.matcher(t).region(Math.max(region.start(), m.start - 6), m.start).find()) return false;
        int s = skipSpace(t, m.end, region.end());
        Matcher stop = CITED_STOP.matcher(t).region(s, region.end());
        int e = stop.find() ? stop.start() : region.end();
        Span cited = trimmed(t, s, contentEnd(t, s, e));
        if (cited == null) return false;
        String phrase = cited.text(t);
        if (phrase.contains("'s") || phrase.contains("’s")) return true; // "citing Canada's efforts": a thing, not a speaker
        String[] words = phrase.split("\\s+");
        for (String w : words) if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) return false;
        String head = words[words.length - 1].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return !List.of(WordClasses.english().of(head)).contains("speaker-n");
    }

    private static final Pattern PASSIVE_BE = Pattern.compile("(?i)(?<![\\p{L}])(?:is|are|was|were|been|be)\\s+(?:\\p{L}+ly\\s+)?$");
    private static final Pattern BY_AGENT = Pattern.compile("\\s+by\\s+\\p{L}");
    /** "spoke to a driver", "talked with reporters": who was spoken to follows, not what was said. */
    private static final Pattern SPOKE_TO = Pattern.compile("(?i)(?:spoke|speaks?|speaking|talked|talks?|talking|chatted|met|meets?|meeting)\\s+(?:to|with)\\s");

    /** Whether a cue the tagger found is a verb of talking whose object is the person addressed ("Residents spoke to a driver who said ..."). */
    private static boolean addressee(String t, Cue m) {
        return SPOKE_TO.matcher(t).region(m.start, Math.min(t.length(), m.end + 8)).lookingAt();
    }

    private static final Pattern NEGATED = Pattern.compile("(?i)(?:not|n[’']t|never)\\s+$");

    /**
     * Whether the tagger overrules a hand cue: "the report", "a think tank", "called" in "a group called Vets for Peace".
     * Only assertions, hedges and opinions: the cues that make denials, blame and responsibility claims were written for
     * conflict reports, which the tagger never saw, and a negated cue ("the army did not confirm") still reports a
     * position, though it is rare in the news the tagger learned from.
     */
    private boolean vetoed(String t, int start, int end, CueKind kind, Tagged tagged) {
        if (kind != CueKind.ASSERT && kind != CueKind.HEDGED && kind != CueKind.OPINION) return false;
        // "told" is a verb of speech in every use; the tagger's doubts about it ("..., a military source told state media.")
        // come from where the sentence puts it, not from what it is. ("said" is not exempt: PolNeAR leaves some unmarked.)
        if (SPEECH_VERB.matcher(t).region(start, end).find()) return false;
        if (NEGATED.matcher(t).region(Math.max(0, start - 8), start).find()) return false;
        // A passive with its agent names who reports: "the strike was confirmed by the governor".
        if (PASSIVE_BE.matcher(t).region(Math.max(0, start - 20), start).useTransparentBounds(true).find() && BY_AGENT.matcher(t).region(end, Math.min(t.length(), end + 8)).lookingAt()) return false;
        // Kept when the tagger calls it a cue even if the veto threshold is set above the cue threshold.
        double score = tagged.max(start, end);
        return score < vetoThreshold && score <= cueThreshold;
    }

    private static void addRun(String t, List<Cue> found, int hand, int start, int end, CueLexicon lex) {
        for (int i = 0; i < hand; i++) if (found.get(i).start < end && start < found.get(i).end) return;
        // Verbs of force are events in conflict reports, whatever election news does with "attacked" (see LearnedCues).
        for (String w : t.substring(start, end).split("[^\\p{L}'’]+")) if (LearnedCues.force(w)) return;
        found.add(new Cue(start, end, lex.learnedCue));
    }

    private static boolean insideSource(List<Attribution> done, int pos) {
        for (int i = done.size() - 1; i >= 0 && i >= done.size() - 5; i--) {
            Span src = done.get(i).source();
            if (src != null && src.start() <= pos && pos < src.end()) return true;
            for (Span v : done.get(i).via()) if (v.start() <= pos && pos < v.end()) return true;
        }
        return false;
    }

    // ---- "according to X, ..." / "..., according to X" -------------------------------------------

    private Attribution accordingTo(String t, Span region, Cue m, CueLexicon lex) {
        int re = contentEnd(t, region.start(), region.end());
        int srcStart = skipSpace(t, m.end, re);
        int srcEnd = phraseEnd(t, srcStart, re, lex);
        Span source = trimmed(t, srcStart, srcEnd);
        if (source == null || words(t, source) > MAX_SOURCE_WORDS) return null;
        Span cue = new Span(m.start, m.end);
        Span left = trimmed(t, region.start(), m.start);
        if (left != null && t.charAt(left.end() - 1) == ',') left = trimmed(t, left.start(), left.end() - 1);
        if (left != null && words(t, left) >= 3) {
            return new Attribution(source, cue, List.of(left), m.cue.kind(), List.of());
        }
        int contentStart = skipPunct(t, srcEnd, re);
        Span content = trimmed(t, contentStart, re);
        if (content == null) return null;
        return new Attribution(source, cue, List.of(content), m.cue.kind(), List.of());
    }

    // ---- verb cues ------------------------------------------------------------------------------

    private static Attribution lastInRegion(List<Attribution> done, Span region) {
        if (done.isEmpty()) return null;
        Attribution a = done.get(done.size() - 1);
        return region.contains(a.cue()) ? a : null;
    }

    private static final Pattern PASSIVE_AUX = Pattern.compile("(?i)\\b(?:was|were|been|being|is|are)\\s+(?:\\p{L}+\\s+)?\\p{L}+ed$");
    private static final Pattern AND_BEFORE = Pattern.compile("(?i)\\S\\s+and\\s*$");
    private static final Pattern RAISING = Pattern.compile("(?i)\\b(?:seems?|seemed|appears?|appeared)$");
    private static final Pattern PERFECT = Pattern.compile("(?i)(?:has|have|had)\\b");
    private static final Pattern NAME_BEFORE = Pattern.compile("[\\p{Ll},;]\\s+(?:\\p{Lu}[\\p{L}.’'\\-]*\\s+)*\\p{Lu}[\\p{Ll}’'\\-]+\\s+$");
    private static final Pattern COMMA_SUBJECT = Pattern.compile("\\S,\\s+(?:[\\p{L}.’'\\-]+\\s+){1,4}$");
    private static final Pattern THAT_LATER = Pattern.compile("(?i)\\sthat\\s");
    private static final Pattern QUOTE_SUBJECT = Pattern.compile("[,.?!][”\"»]\\s+(?:[\\p{L}.’'\\-]+\\s+){0,5}$");
    private static final Pattern PRONOUN_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])(?:he|she|they|we|i|you)\\s+$");
    private static final Pattern PASSIVE_AFTER = Pattern.compile(
            "(?i)\\s+(?!on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b)(?:in|on|at|near|from|after|across|so far|overnight|since)\\b");

    /**
     * "Explosions were reported in the city", "No deaths reported so far": a past participle with no speaker.
     * (PolNeAR annotates some passives, "was asked by a caller"; a speaker after "by" keeps the cue.)
     */
    private static boolean passive(String t, int cs, int ce, int re, Cue m) {
        if (m.cue.kind() == CueKind.ACCORDING_TO) return false;
        String cue = t.substring(cs, ce);
        // "The strike appears to have hit a depot": the writer hedges; the subject belongs to the content, no one speaks.
        if (RAISING.matcher(cue).find()) return true;
        if (!cue.endsWith("ed")) return false;
        if (t.startsWith(" by ", ce)) return false;
        if (PASSIVE_AUX.matcher(cue).find()) return true;
        // "the budget office had predicted.", "He claimed at one point ...": a perfect or a pronoun subject is active.
        if (PERFECT.matcher(cue).lookingAt() || PRONOUN_BEFORE.matcher(t).region(Math.max(0, cs - 8), cs).find()) return false;
        // "“We will not leave,” the mayor added." / "..., DuVernay explained in an interview": a quote just before the
        // subject makes the cue its speech verb.
        if (QUOTE_SUBJECT.matcher(t).region(Math.max(0, cs - 80), cs).find()) return false;
        // "..., Mr. Petrov insisted on television": a name inside the sentence is a speaker. (A capitalised first word
        // stays ambiguous: "Explosions reported in the city".)
        if (NAME_BEFORE.matcher(t).region(Math.max(0, cs - 40), cs).find()) return false;
        // "..., the source added.": a clause before a comma, then the subject and the cue at the sentence's end.
        if (ce == re && COMMA_SUBJECT.matcher(t).region(Math.max(0, cs - 50), cs).find()) return false;
        if (ce == re) return true;
        if (!PASSIVE_AFTER.matcher(t).region(ce, re).lookingAt() || m.cue.kind() == CueKind.DENY) return false;
        // "Trump tweeted in the early hours that ...": a "that" clause after the phrase makes the verb active.
        Matcher that = THAT_LATER.matcher(t).region(ce, Math.min(re, ce + 80));
        return !that.find();
    }

    private static int lastCloseQuote(String t, int s, int e) {
        for (int i = e - 1; i >= s; i--) if (t.charAt(i) == '”' || t.charAt(i) == '"' || t.charAt(i) == '»') return i;
        return -1;
    }

    private Attribution verbCue(String t, Span region, Cue m, CueLexicon lex, List<Span> quotes, List<Attribution> done) {
        int cs = m.start, ce = m.end;
        // "has also said": auxiliaries belong to the cue.
        Matcher aux = lex.auxBefore.matcher(t).region(region.start(), cs);
        if (aux.find()) cs = aux.start();
        int lt = trimEndIndex(t, region.start(), cs);
        char prev = lt > region.start() ? t.charAt(lt - 1) : 0;
        int re = contentEnd(t, region.start(), region.end());
        if (t.startsWith(" by ", ce) && PASSIVE_AUX.matcher(t.substring(cs, ce)).find() && lt > region.start()) {
            // "The strike was confirmed by the ministry on Monday.": the agent speaks, the subject is what it said.
            int srcStart = ce + 4;
            int srcEnd = phraseEnd(t, srcStart, re, lex);
            Matcher tail = SOURCE_TAIL.matcher(t).region(srcStart, srcEnd);
            if (tail.find()) srcEnd = tail.start();
            Span agent = trimmed(t, srcStart, srcEnd);
            Span subject = trimmed(t, sourceStart(t, region.start(), lt, lex), lt);
            if (agent != null && subject != null && words(t, agent) <= MAX_SOURCE_WORDS) {
                return new Attribution(agent, new Span(cs, ce), List.of(subject), m.cue.kind(), List.of());
            }
        }
        if (passive(t, cs, ce, re, m)) {
            // No speaker: "Explosions were reported in the city" attributes "explosions ... in the city" to no one.
            List<Span> parts = new ArrayList<>();
            Span subject = lt > region.start() ? trimmed(t, sourceStart(t, region.start(), lt, lex), lt) : null;
            if (subject != null) parts.add(subject);
            Span rest = trimmed(t, skipPunct(t, ce, re), re);
            if (rest != null) parts.add(rest);
            return parts.isEmpty() ? null : new Attribution(null, new Span(cs, ce), parts, m.cue.kind(), List.of());
        }

        if (lt <= region.start() && t.regionMatches(true, cs, "asked ", 0, 6)) {
            // "Asked about the strike, the spokesman said ...": the question has no speaker of its own; the answer's
            // cue comes later in the sentence.
            int comma = t.indexOf(',', ce);
            Span question = comma > 0 && comma < re ? trimmed(t, ce, comma) : null;
            if (question != null) return new Attribution(null, new Span(cs, ce), List.of(question), m.cue.kind(), List.of());
        }
        if (lt <= region.start() || onlyConnective(t, region.start(), lt)) {
            // Verb first: "Said the minister: ..." / "وقال المتحدث إن ..."
            return sourceAfterCue(t, region, cs, ce, re, m, lex, quotes, done);
        }
        if (prev == ',' || prev == '—' || prev == '–' || isCloseQuote(prev) || (prev == '-' && lt - 2 >= 0 && t.charAt(lt - 2) == ' ')) {
            Span left = trimmed(t, region.start(), lt);
            if (prev == ',' && gerund(t, m)) {
                // "..., adding that ...": the speaker is the subject of the main clause.
                Attribution before = lastInRegion(done, region);
                Span speaker = before != null ? before.source() : null;
                // "Sanders delivered his standard speech, decrying the influence of money.": no cue before, the
                // sentence's subject speaks.
                if (speaker == null && before == null) speaker = subject(t, region.start(), lt, lex);
                if (speaker == null) return null;
                Span content = contentFrom(t, ce, re, quotes);
                return content == null ? null : new Attribution(speaker, new Span(cs, ce), List.of(content), m.cue.kind(), List.of());
            }
            if (prev == ',' && !isCloseQuote(t.charAt(Math.max(region.start(), lt - 2)))) {
                // "“...,” his wife, Maria Lopez, wrote in a letter.": the speaker sits between the quote and the cue.
                int q = lastCloseQuote(t, region.start(), lt);
                if (q >= 0) {
                    Span speaker = trimmed(t, q + 1, lt - 1);
                    if (speaker != null && words(t, speaker) <= 15 && speaker.text(t).indexOf(',') > 0) {
                        Span content = contentBefore(t, region.start(), q + 1, quotes);
                        if (content != null) return new Attribution(new Span(speaker.start(), lt), new Span(cs, ce), List.of(content), m.cue.kind(), List.of());
                    }
                }
            }
            boolean quoteBefore = prev != ',' || isCloseQuote(t.charAt(Math.max(region.start(), lt - 2)));
            boolean saidAfter = substantial(t, ce, re, lex);
            if (left != null && !quoteBefore && lex.language.equals("en")) {
                // What follows the cue decides who speaks: "Sen. Grassley, facing a challenge, said he would welcome Cruz" (a
                // clause with its own verb is what was said) against "Clinton has a strong ground game, said Mindy Romero,
                // director of the project" (a noun phrase alone is the speaker, however long).
                // Only verbs of saying invert ("..., said Mindy Romero"; "..., endorsed Cruz" and "..., referring to Ms. Rice"
                // have their object after them), and only after a clause, not after an appositive subject ("Aides to the
                // governor, who ..., said their speeches, already ..., would focus on ...").
                Shape after = afterCue(t, ce, re);
                if (after == Shape.CLAUSE) saidAfter = true;
                else if (after == Shape.PHRASE && INVERTING.contains(t.substring(cs, ce).toLowerCase(Locale.ROOT))
                        && afterCue(t, left.start(), left.end()) != Shape.PHRASE) saidAfter = false;
            }
            if (left != null && !quoteBefore && saidAfter) {
                // "Simone Perry, 27, a teacher in Kharkiv, says ...": the appositives belong to the source.
                Span src = appositiveSource(t, left);
                if (src != null && words(t, src) <= MAX_SOURCE_WORDS) return contentAfter(t, src, cs, ce, re, m, lex, quotes);
            }
            // "“...,” said Alden." / "«...», — заявил министр."
            Span content = contentBefore(t, region.start(), lt, quotes);
            if (content == null) return null;
            Span source = sourceAfter(t, ce, re, lex);
            if (source == null) return null;
            return new Attribution(source, new Span(cs, ce), List.of(content), m.cue.kind(), List.of());
        }
        Matcher by = BY_END.matcher(t).region(region.start(), lt);
        if (lex.language.equals("en") && gerund(t, m) && by.find()) {
            // "Dean, a doctor, then appeared on MSNBC and began by saying ...": the subject of the sentence speaks, not the clause before "by".
            Span speaker = subject(t, region.start(), by.start(), lex);
            if (speaker != null) return contentAfter(t, speaker, cs, ce, re, m, lex, quotes);
        }
        int segStart = sourceStart(t, region.start(), lt, lex);
        Span source = trimmed(t, segStart, lt);
        if (source == null) {
            // "an architect who said he was not paid", "the union, which warned that ...": the relative pronoun speaks for
            // the noun before it; both make the source.
            Span rel = relativeSource(t, region.start(), segStart);
            if (rel != null) return contentAfter(t, rel, cs, ce, re, m, lex, quotes);
        }
        if (source != null && onlyConnective(t, source.start(), source.end())) {
            // "Trump has used the phrase often, and criticized Obama ...": the sentence's subject speaks.
            source = subject(t, region.start(), lt, lex);
            if (source == null) return null;
            return contentAfter(t, source, cs, ce, re, m, lex, quotes);
        }
        if (source != null && AND_BEFORE.matcher(t).region(segStart, lt).find()) {
            // "House Democrats seized the floor and said ...": the speaker is the subject of the first verb.
            source = subject(t, region.start(), lt, lex);
            if (source == null) return null;
            return contentAfter(t, source, cs, ce, re, m, lex, quotes);
        }
        if (source != null && words(t, source) > MAX_SOURCE_WORDS) return null;
        int boundary = lastNonSpace(t, region.start(), segStart); // index of the char that ended the scan, or -1
        char bch = boundary >= 0 ? t.charAt(boundary) : 0;
        boolean contentBeforeBoundary = bch == ',' || isCloseQuote(bch) || bch == '—' || bch == '–';
        if (source != null && (bch == ',' || isCloseQuote(bch))) {
            int after = skipSpace(t, ce, re);
            if (after < re && t.charAt(after) == ',' && !GERUND.matcher(t).region(after, re).lookingAt()) {
                // Interrupted: "The strike, he said, hit a school." / "“Part one,” he said, “part two.”"
                Span first = contentBefore(t, region.start(), boundary + 1, quotes);
                Span second = contentFrom(t, skipPunct(t, after, re), re, quotes);
                if (first != null && second != null) {
                    return new Attribution(source, new Span(cs, ce), List.of(first, second), m.cue.kind(), List.of());
                }
            }
        }
        boolean quoted = isCloseQuote(bch) && boundary > 0 && ",?!".indexOf(t.charAt(boundary - 1)) >= 0
                || bch == ',' && boundary > 0 && isCloseQuote(t.charAt(boundary - 1));
        // "Asked about the strike, the spokesman said ...": the clause before the comma is the question, not the content.
        boolean afterQuestion = t.regionMatches(true, region.start(), "asked ", 0, 6);
        // "In South Florida, where land is scarce, developers see golf courses as wasted space." / "Citing “obligations,” the
        // spokeswoman told POLITICO that ...": an introduction before the comma is not what was said when words follow the cue.
        boolean introduced = lex.language.equals("en") && contentBeforeBoundary && source != null
                && introduction(t, region.start(), boundary) && objectFollows(t, ce, re);
        if (introduced && quoted) {
            // A quote that the sentence opens with (or that began in an earlier sentence) stays what was said.
            Span q = lastStartingBefore(quotes, boundary);
            if (q == null || q.start() <= skipSpace(t, region.start(), boundary)) introduced = false;
            else quoted = false;
        }
        if (contentBeforeBoundary && !introduced && (quoted || !afterQuestion && !substantial(t, ce, re, lex) && wordsBetween(t, region.start(), boundary) >= 3)) {
            // "Two drones were shot down, the ministry said." / "“We were attacked,” he said."
            Span content = contentBefore(t, region.start(), boundary + 1, quotes);
            if (content == null || source == null) return null;
            return new Attribution(source, new Span(cs, ce), List.of(content), m.cue.kind(), List.of());
        }
        if (source == null) source = subject(t, region.start(), lt, lex); // "She defended it, but admitted ..."
        if (source == null) return null;
        return contentAfter(t, source, cs, ce, re, m, lex, quotes);
    }

    private static final Pattern RELATIVE = Pattern.compile("(?i)(?<![\\p{L}])(?:who|which)\\s*$");

    /** "Laura, who" / "an architect who": the noun phrase before a relative pronoun that ends at {@code end}, with it. */
    private static Span relativeSource(String t, int regionStart, int end) {
        Matcher r = RELATIVE.matcher(t).region(Math.max(regionStart, end - 12), end);
        if (!r.find()) return null;
        int relEnd = trimEndIndex(t, r.start(), r.end());
        int e = trimEndIndex(t, regionStart, r.start());
        if (e > regionStart && t.charAt(e - 1) == ',') e = trimEndIndex(t, regionStart, e - 1);
        // Walk back word by word: a determiner opens the phrase, a preposition or verb ends the walk ("spoke to | a driver").
        Matcher w = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.’'\\-]*$").matcher(t);
        int s = e;
        for (int n = 0; n < 5; n++) {
            int k = trimEndIndex(t, regionStart, s);
            if (k < s && n == 0) return null;
            w.region(Math.max(regionStart, k - 40), k);
            if (!w.find()) break;
            String word = w.group().toLowerCase(Locale.ROOT);
            if (n > 0 && (VERBISH.contains(word) || PREPOSITIONS.contains(word) || Character.isLowerCase(w.group().charAt(0)) && word.endsWith("ed"))) break;
            s = w.start();
            if (DETERMINERS.contains(word) && !word.equals("of") && !word.equals("and")) break;
        }
        return s < e ? new Span(s, relEnd) : null;
    }

    private static final Set<String> PREPOSITIONS = Set.of("to", "by", "for", "with", "from", "at", "on", "in", "about", "against",
            "like", "among", "than", "over", "under", "into", "onto", "via", "per", "and", "or", "but");

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "his", "her",
            "its", "their", "our", "of", "for", "and", "de", "al", "el");
    private static final Set<String> VERBISH = Set.of("is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
            "could", "may", "might", "should", "must", "did", "does", "do", "said", "says", "told", "also", "then", "on", "in", "at",
            "to", "from", "by", "after", "before", "who", "which", "that", "but", "as", "with", "made", "took", "gave", "went", "met",
            "held", "sent", "spoke", "wrote", "came", "left", "began", "won", "lost", "saw", "got", "kept", "led", "ran", "called");
    private static final Pattern INTRO = Pattern.compile(
            "(?i)^(?:in|on|at|during|after|before|for|with|still|yet|but|and|however|meanwhile|earlier|later|last|this|even|if|when|"
                    + "while|although|though|as|because|since|recently|instead|also|now|then|today|yesterday|asked|speaking|like)\\b");

    /**
     * The subject of the sentence stretch {@code [s, e)}: for English from part-of-speech tags ({@link #posSubject}), else (or
     * when the tags find none) from the words' shapes ({@link #wordSubject}).
     */
    private static Span subject(String t, int s, int e, CueLexicon lex) {
        if (lex.language.equals("en")) {
            Span p = posSubject(t, s, e);
            if (p != null) return p;
        }
        return wordSubject(t, s, e);
    }

    private static final Pattern BY_END = Pattern.compile("(?i)(?<![\\p{L}])by\\s*$");

    private static final Set<String> POSSESSIVES = Set.of("his", "her", "its", "their", "our", "my", "your");

    /** "Mr." and "Sen." inside a name: a dot after a capitalised word of up to three letters, before a capitalised word. */
    private static boolean abbreviationDot(List<CueTagger.Token> toks, int j) {
        if (j == 0 || j + 1 >= toks.size() || !toks.get(j).lower().equals(".")) return false;
        CueTagger.Token p = toks.get(j - 1), n = toks.get(j + 1);
        return p.word() && p.capital() && p.end() - p.start() <= 3 && p.end() == toks.get(j).start() && n.word() && n.capital();
    }

    private static final Set<String> NP_TAGS = Set.of("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON");

    /**
     * The sentence's subject from part-of-speech tags ({@link PosTags}, this stretch only): the first noun phrase that is
     * not inside an introductory phrase ("Chastened by the analyses, Trump revised ...", "In a statement, the ministry
     * ..."), from its first determiner, adjective, noun or pronoun to the last before a verb, adverb or punctuation; an
     * appositive after a comma is not taken ("Dean, a medical doctor, then appeared" -> "Dean").
     */
    static Span posSubject(String t, int s, int e) {
        // The subject opens the sentence: the first 400 characters are tagged, so a long run-on stretch costs no more.
        if (e - s > 400) {
            int cut = s + 400;
            while (cut > s && !Character.isWhitespace(t.charAt(cut))) cut--;
            e = cut > s ? cut : s + 400;
        }
        // "“It's him,” Ms. Abedin answered, referring to ...": a quote that opens the sentence is not its subject.
        if (s < e && (isOpenQuote(t.charAt(s)) || t.charAt(s) == '"')) {
            int close = -1;
            for (int k = s + 1; k < e && close < 0; k++) if (isCloseQuote(t.charAt(k))) close = k;
            if (close > 0 && close + 1 < e) s = skipPunct(t, close + 1, e);
        }
        String sub = t.substring(s, e);
        List<CueTagger.Token> toks = CueTagger.tokens(sub);
        if (toks.isEmpty()) return null;
        String[] tags = PosTags.tag(sub, toks);
        int i = 0;
        while (i < toks.size()) {
            // A stretch up to the next comma that opens with a preposition, a participle, a subordinator or an adverb is introductory.
            String first = tags[i];
            // "Trump, whose views ...": a capitalised word alone before a comma is a name, whatever its tag.
            if (first.equals("VERB") && toks.get(i).capital() && i + 1 < toks.size() && toks.get(i + 1).lower().equals(",")
                    && !toks.get(i).lower().endsWith("ing") && !toks.get(i).lower().endsWith("ed")) first = "PROPN";
            boolean intro = first.equals("ADP") || first.equals("SCONJ") || first.equals("VERB") || first.equals("ADV") || first.equals("CCONJ")
                    || first.equals("AUX") || first.equals("PUNCT");
            if (!intro && NP_TAGS.contains(first)) {
                int j = i;
                while (j < toks.size() && (NP_TAGS.contains(tags[j]) || toks.get(j).lower().equals("-") || abbreviationDot(toks, j)
                        || tags[j].equals("ADP") && toks.get(j).lower().equals("of") && j + 1 < toks.size() && NP_TAGS.contains(tags[j + 1]))) {
                    // A second pronoun starts another phrase ("the man who", "Clinton it"); a possessive does not ("Clinton and her aides").
                    if (j > i && tags[j].equals("PRON") && !POSSESSIVES.contains(toks.get(j).lower())) break;
                    j++;
                }
                // The phrase is the subject when a verb, an auxiliary, an adverb or an appositive's comma follows it.
                if (j > i && j < toks.size() && (tags[j].equals("VERB") || tags[j].equals("AUX") || tags[j].equals("ADV") || toks.get(j).lower().equals(","))) {
                    return new Span(s + toks.get(i).start(), s + toks.get(j - 1).end());
                }
                if (j >= toks.size() && j > i) return new Span(s + toks.get(i).start(), s + toks.get(j - 1).end());
            }
            // Skip to after the next comma (or give up when none).
            int k = i;
            while (k < toks.size() && !toks.get(k).lower().equals(",")) k++;
            if (k >= toks.size()) return null;
            i = k + 1;
        }
        return null;
    }

    enum Shape { CLAUSE, PHRASE, OTHER }

    private static final Set<String> PARTICLES = Set.of("out", "off", "up", "down", "back", "away", "over");

    /** Whether the stretch opens with an introduction: a preposition, a subordinator, an adverb or a participle ("Citing", "Pressed"). */
    static boolean introduction(String t, int s, int e) {
        s = skipSpace(t, s, e);
        if (s >= e) return false;
        String sub = t.substring(s, Math.min(e, s + 60));
        List<CueTagger.Token> toks = CueTagger.tokens(sub);
        if (toks.size() < 2 || !toks.get(0).word()) return false;
        String[] tags = PosTags.tag(sub, toks);
        String w = toks.get(0).lower();
        if (tags[0].equals("ADP") || tags[0].equals("SCONJ") || tags[0].equals("ADV")) return true;
        return tags[0].equals("VERB") && toks.get(0).capital() && (w.endsWith("ing") || w.endsWith("ed"));
    }

    /** Whether words follow the cue that can be its object or clause: not nothing, "on Tuesday" or "in April" (a particle may: "rule out"). */
    static boolean objectFollows(String t, int s, int e) {
        s = skipSpace(t, s, e);
        if (s >= e) return false;
        String sub = t.substring(s, Math.min(e, s + 60));
        List<CueTagger.Token> toks = CueTagger.tokens(sub);
        if (toks.size() < 2 || !toks.get(0).word()) return false;
        String[] tags = PosTags.tag(sub, toks);
        if (tags[0].equals("ADP") && !PARTICLES.contains(toks.get(0).lower())) return false;
        return !tags[0].equals("ADV") && !tags[0].equals("PUNCT") && !tags[0].equals("CCONJ") && !tags[0].equals("SCONJ");
    }

    /** Verbs of saying that come before their subject after a statement: "..., said the mayor, a Democrat." */
    private static final Set<String> INVERTING = Set.of("said", "says", "added", "adds", "wrote", "writes", "explained", "explains",
            "noted", "notes", "asked", "asks", "continued", "continues", "recalled", "recalls", "argued", "argues", "observed",
            "observes", "insisted", "insists", "replied", "replies", "warned", "warns", "acknowledged", "acknowledges", "countered",
            "counters", "concluded", "concludes", "predicted", "predicts", "declared", "declares", "stated", "states", "remarked",
            "remarks", "commented", "comments", "cautioned", "cautions", "conceded", "concedes", "contended", "contends",
            "complained", "complains", "suggested", "suggests", "agreed", "agrees", "admitted", "admits", "asserted", "asserts",
            "claimed", "claims", "tweeted", "tweets", "joked", "jokes", "quipped", "quips", "mused", "muses", "wondered",
            "wonders", "exclaimed", "exclaims", "lamented", "laments", "boasted", "boasts", "reasoned", "reasons", "recounted",
            "recounts", "confirmed", "confirms", "announced", "announces", "emphasized", "emphasizes", "stressed",
            "stresses", "offered", "offers", "opined", "opines", "answered", "answers", "responded", "responds");

    /**
     * What follows an English cue, from part-of-speech tags: a clause with its own verb after its subject ("said he would
     * welcome Cruz", "said Mr. Trump had disrespected the troops", "said Ali’s death is painful"), a noun phrase alone up
     * to a comma, "who" or the end ("said Mindy Romero, director of ...", "said former governor Ed Rendell, who ..."), or
     * neither ("said on Tuesday that ...", "said:").
     */
    static Shape afterCue(String t, int s, int e) {
        s = skipSpace(t, s, e);
        if (e - s > 300) {
            int cut = s + 300;
            while (cut > s && !Character.isWhitespace(t.charAt(cut))) cut--;
            e = cut > s ? cut : s + 300;
        }
        if (s >= e) return Shape.OTHER;
        String sub = t.substring(s, e);
        List<CueTagger.Token> toks = CueTagger.tokens(sub);
        if (toks.isEmpty() || !toks.get(0).word()) return Shape.OTHER;
        String[] tags = PosTags.tag(sub, toks);
        if (!NP_TAGS.contains(tags[0])) return Shape.OTHER;
        int j = 0;
        while (j < toks.size() && (NP_TAGS.contains(tags[j]) || toks.get(j).lower().equals("-") || abbreviationDot(toks, j)
                || tags[j].equals("PART") && toks.get(j).lower().equals("'s")
                || tags[j].equals("ADP") && toks.get(j).lower().equals("of") && j + 1 < toks.size() && NP_TAGS.contains(tags[j + 1]))) {
            if (j > 0 && tags[j].equals("PRON") && !POSSESSIVES.contains(toks.get(j).lower())) break;
            j++;
        }
        int k = j;
        while (k < toks.size() && tags[k].equals("ADV")) k++;
        if (k < toks.size() && (tags[k].equals("VERB") || tags[k].equals("AUX"))) return Shape.CLAUSE;
        // ", who" makes an appositive ("said Ed Rendell, who chairs ..."); "who" alone a restrictive clause inside a subject.
        if (j >= toks.size() || Set.of(",", ".", ";", "(").contains(toks.get(j).lower())) return Shape.PHRASE;
        return Shape.OTHER;
    }

    /** The subject from the words' shapes: from the first word to a past tense, an auxiliary or an adverb. */
    private static Span wordSubject(String t, int s, int e) {
        Matcher w = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'.\\-]*").matcher(t).region(s, e);
        int start = -1, end = -1, n = 0;
        String prevWord = null;
        while (w.find() && n < 8) {
            String word = w.group();
            if (start < 0) {
                if (INTRO.matcher(word).lookingAt()) return null;
                start = w.start();
            } else if (Character.isLowerCase(word.charAt(0)) && (prevWord == null || !DETERMINERS.contains(prevWord.toLowerCase(Locale.ROOT)))
                    && (word.endsWith("ed") || word.endsWith("ly") || VERBISH.contains(word) || Character.isUpperCase(prevWord.charAt(0)))) {
                // "The regional governor visited": a noun after an adjective continues, a past tense or an
                // auxiliary ends the phrase; after a name ("Petrov, who") a lower-case word always does.
                break;
            }
            end = w.end();
            prevWord = word;
            n++;
        }
        return start < 0 ? null : new Span(start, end);
    }

    /** "Simone Perry, 27, a teacher," -> all of it; an introductory "Still," or "In a speech on Monday," is dropped. */
    private static Span appositiveSource(String t, Span left) {
        int s = left.start();
        int q = lastCloseQuote(t, s, left.end());
        if (q >= 0) s = q + 1;
        String head = t.substring(s, left.end()).stripLeading();
        int comma = head.indexOf(',');
        if (comma > 0 && INTRO.matcher(head).lookingAt()) s = t.indexOf(',', s) + 1;
        Span src = trimmed(t, s, left.end());
        return src != null && src.text(t).replace(",", "").isBlank() ? null : src;
    }

    private static int wordsBetween(String t, int s, int e) {
        Span sp = trimmed(t, s, e);
        return sp == null ? 0 : words(t, sp);
    }

    /** ", adding ...", ", citing ...": not the second half of an interrupted statement. */
    private static final Pattern GERUND = Pattern.compile(",\\s*\\p{L}+ing\\b");

    /** source cue [, citing X,] content. */
    private Attribution contentAfter(String t, Span source, int cs, int ce, int re, Cue m, CueLexicon lex, List<Span> quotes) {
        Span cue = new Span(cs, ce);
        List<Span> via = List.of();
        int from = ce;
        Matcher cit = lex.citing.matcher(t).region(ce, re);
        if (cit.lookingAt()) {
            // "TASS reported, citing the defence ministry, that ...": the ministry speaks, TASS relays.
            int citedStart = cit.end();
            int citedEnd = phraseEnd(t, citedStart, re, lex);
            Span cited = trimmed(t, citedStart, citedEnd);
            if (cited != null) {
                via = List.of(source);
                source = cited;
                cue = new Span(cs, cit.end() - 1 > cs ? trimEndIndex(t, cs, cit.end()) : ce);
                from = skipPunct(t, citedEnd, re);
            }
        }
        Span content = contentFrom(t, skipObject(t, from, re, lex), re, quotes);
        if (content == null && m.cue.kind() != CueKind.ASSERT && m.cue.kind() != CueKind.HEDGED && m.cue.kind() != CueKind.OPINION) {
            // "The government rejected the reports as false.": the cue carries the statement.
            content = cue;
        }
        if (content == null) {
            // "He added:" then the quote on the next line.
            Span next = nextQuote(t, quotes, from, 3);
            if (next == null) return null;
            content = next;
        }
        return new Attribution(source, cue, List.of(content), m.cue.kind(), via);
    }

    private Attribution sourceAfterCue(String t, Span region, int cs, int ce, int re, Cue m, CueLexicon lex,
                                       List<Span> quotes, List<Attribution> done) {
        int srcStart = skipSpace(t, ce, re);
        if (lex.complementizer.matcher(t).region(srcStart, re).lookingAt() && !done.isEmpty()) {
            // "وأضاف أن ..." ("he added that"): the speaker is the previous one.
            Attribution prev = done.get(done.size() - 1);
            Span content = contentFrom(t, srcStart, re, quotes);
            if (prev.source() == null || content == null || srcStart - prev.cue().end() > 1_000) return null;
            return new Attribution(prev.source(), new Span(cs, ce), List.of(content), m.cue.kind(), prev.via());
        }
        int srcEnd = phraseEnd(t, srcStart, re, lex);
        boolean endedByComplementizer = srcEnd < re && lex.complementizer.matcher(t).region(srcEnd, re).lookingAt();
        if (!endedByComplementizer) {
            // No "that" after the speaker ("ونفت الحكومة هذه التقارير", "تبنت ألوية ... هجوما"): the subject comes
            // first and the object follows; without a parser keep at most the first three words.
            int w = srcStart, n = 0;
            while (w < srcEnd && n < 3) {
                while (w < srcEnd && !Character.isWhitespace(t.charAt(w))) w++;
                n++;
                if (n == 1 && srcEnd == re) break; // nothing but the clause: one word
                while (w < srcEnd && Character.isWhitespace(t.charAt(w))) w++;
            }
            srcEnd = Math.min(srcEnd, w);
        }
        Span source = trimmed(t, srcStart, srcEnd);
        if (source == null || words(t, source) > MAX_SOURCE_WORDS) return null;
        Span content = contentFrom(t, skipPunct(t, srcEnd, re), re, quotes);
        if (content == null) content = nextQuote(t, quotes, srcEnd, 3);
        if (content == null) return null;
        return new Attribution(source, new Span(cs, ce), List.of(content), m.cue.kind(), List.of());
    }

    /** The source right after an inverted cue: "said Ivan Petrov, the regional governor, on Tuesday." */
    private static Span sourceAfter(String t, int ce, int re, CueLexicon lex) {
        int s = skipSpace(t, ce, re);
        int e = re;
        Matcher stop = SOURCE_TAIL.matcher(t).region(s, re);
        if (stop.find()) e = stop.start();
        Matcher comp = lex.complementizer.matcher(t).region(s, e);
        Span src = trimmed(t, s, e);
        if (src == null || words(t, src) > MAX_SOURCE_WORDS) return null;
        return comp.lookingAt() ? null : src;
    }

    private static final Pattern SOURCE_TAIL = Pattern.compile(
            ",\\s*(?:(?-i:[a-z]+ing)|asked|according|and|but|who|as|when|after|before|while)\\b|\\s(?:who|during)\\s|\\s(?:in a statement|in an interview|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on twitter|on telegram)\\b|[:;]",
            Pattern.CASE_INSENSITIVE);

    /** Content that ends just before {@code end} (exclusive, the comma or quote already included). */
    private static Span contentBefore(String t, int regionStart, int end, List<Span> quotes) {
        int e = end;
        // Strip the separator ("—", ",") but keep a closing quote and a comma inside it.
        while (e > regionStart && (Character.isWhitespace(t.charAt(e - 1)) || t.charAt(e - 1) == '—' || t.charAt(e - 1) == '–' || t.charAt(e - 1) == '-')) e--;
        Span q = lastStartingBefore(quotes, e);
        if (q != null && (q.end() == e || (q.end() == e - 1 && t.charAt(e - 1) == ','))) return q; // may start sentences earlier
        while (e > regionStart && (t.charAt(e - 1) == ',' || Character.isWhitespace(t.charAt(e - 1)))) e--;
        return trimmed(t, regionStart, e);
    }

    /** Content from {@code s} to the end of the region, or to the end of a quote that opens at s. */
    private static Span contentFrom(String t, int s, int re, List<Span> quotes) {
        s = skipSpace(t, s, re);
        if (s < re && (t.charAt(s) == ':' || t.charAt(s) == ',')) s = skipSpace(t, s + 1, re);
        Span q = lastStartingBefore(quotes, s + 1);
        if (q != null && q.start() == s && q.end() > re) return q;
        return trimmed(t, s, re);
    }

    /**
     * "told reporters they ...", "told Levant Wire they heard ...": after a verb of telling, the addressee (a name, or
     * reporters, journalists, the press, state media) then a subject pronoun starts the content without "that".
     */
    private static final Pattern ADDRESSEE_NO_THAT = Pattern.compile(
            "^\\s*(?:(?:the\\s+)?(?:\\p{Lu}[\\p{L}.’'&-]*\\s+){1,4}|(?:reporters|journalists|the press|state media|local media|us|me)\\s+)"
                    + "(?=(?:they|he|she|we|i|it|there)\\s)");

    /** "told reporters that ...", "told the BBC the attack ...": the addressee is not content. */
    private static int skipObject(String t, int from, int re, CueLexicon lex) {
        if (lex.language.equals("en") && from >= 5 && SPEECH_VERB.matcher(t).region(Math.max(0, from - 6), from).find()) {
            Matcher a = ADDRESSEE_NO_THAT.matcher(t).region(from, re);
            if (a.lookingAt()) return a.end();
        }
        int lim = Math.min(re, from + 60);
        Matcher comp = lex.complementizer.matcher(t);
        for (int i = from; i < lim; i++) {
            if (i > from && Character.isLetter(t.charAt(i)) && !Character.isLetter(t.charAt(i - 1))) {
                comp.region(i - 1, re);
                if (comp.lookingAt() && isObjectBetween(t, from, i)) return i;
            }
        }
        return from;
    }

    private static boolean isObjectBetween(String t, int from, int i) {
        String between = t.substring(from, i).trim();
        return !between.isEmpty() && between.split("\\s+").length <= 5 && between.indexOf(',') < 0;
    }

    private static Span nextQuote(String t, List<Span> quotes, int from, int maxGap) {
        int s = from;
        while (s < t.length() && (Character.isWhitespace(t.charAt(s)) || t.charAt(s) == ':')) s++;
        int i = firstStartingAtOrAfter(quotes, from);
        if (i < quotes.size() && quotes.get(i).start() <= s + maxGap) return quotes.get(i);
        return null;
    }

    /** Where the source phrase starts, scanning left from the cue to a clause boundary. */
    private static int sourceStart(String t, int regionStart, int lt, CueLexicon lex) {
        int i = lt - 1;
        for (; i >= regionStart; i--) {
            char c = t.charAt(i);
            if (c == ',' && i > regionStart && i + 1 < lt && Character.isDigit(t.charAt(i - 1)) && Character.isDigit(t.charAt(i + 1))) continue;
            if (c == ')' && shortParenthetical(t, regionStart, i)) {
                // "Sen. Jane Doe (D-Mo.) said": a party and state tag belongs to the name.
                i = t.lastIndexOf('(', i);
                continue;
            }
            if (c == ',' || c == '،' || c == ';' || c == ':' || c == '(' || c == ')' || c == '—' || c == '–' || isCloseQuote(c) || isOpenQuote(c)) break;
        }
        int start = i + 1;
        Matcher w = lex.clauseWord.matcher(t).region(start, lt);
        int last = -1;
        while (w.find()) last = w.end();
        if (last > 0 && last <= lt) start = last;
        return start;
    }

    /** A parenthesis closing at {@code close} that holds one short token ("(D-Mo.)", "(R)") right after a capitalised word. */
    private static boolean shortParenthetical(String t, int regionStart, int close) {
        int open = t.lastIndexOf('(', close);
        if (open <= regionStart + 1 || close - open > 12) return false;
        for (int k = open + 1; k < close; k++) if (Character.isWhitespace(t.charAt(k))) return false;
        int before = trimEndIndex(t, regionStart, open);
        if (before == open || before <= regionStart) return false;
        int w = before;
        while (w > regionStart && Character.isLetter(t.charAt(w - 1))) w--;
        return w < before && Character.isUpperCase(t.charAt(w));
    }

    /** Whether the text between the cue and the region end is real content, not "on Tuesday". */
    private static boolean substantial(String t, int ce, int re, CueLexicon lex) {
        int k = skipSpace(t, ce, t.length());
        if (k < t.length() && t.charAt(k) == ':') return true; // "he declared:" and the quote follows
        Span rest = trimmed(t, ce, re);
        if (rest == null) return false;
        String s = rest.text(t);
        if (s.startsWith(":") || s.startsWith("“") || s.startsWith("\"") || s.startsWith("«")) return true;
        if (lex.complementizer.matcher(s).lookingAt()) return true;
        // "Douglas Brinkley, a historian, recalled, “Out of nowhere ...”": a quote after the comma is what was said.
        if (s.startsWith(",")) {
            String after = s.substring(1).stripLeading();
            return !after.isEmpty() && (isOpenQuote(after.charAt(0)) || after.charAt(0) == '"');
        }
        return words(t, rest) > 6;
    }

    /** "Name, title," before the cue: the appositive belongs to the source. */
    private static boolean appositive(String left) {
        if (left.indexOf('“') >= 0 || left.indexOf('"') >= 0 || left.indexOf('«') >= 0) return false;
        if (!left.endsWith(",")) return false;
        String[] parts = left.substring(0, left.length() - 1).split(",");
        if (parts.length != 2) return false;
        String head = parts[0].trim();
        return !head.isEmpty() && head.split("\\s+").length <= 6 && Character.isUpperCase(head.codePointAt(0))
                && parts[1].trim().split("\\s+").length <= 20;
    }

    private static boolean onlyConnective(String t, int s, int e) {
        String w = t.substring(s, e).trim().toLowerCase(Locale.ROOT);
        return Set.of("and", "but", "so", "then", "و", "ف", "а", "и", "но", "і", "та", "але").contains(w);
    }

    /** End of a short noun phrase: before a comma, colon, complementizer or the region end. */
    private static int phraseEnd(String t, int s, int re, CueLexicon lex) {
        Matcher comp = lex.complementizer.matcher(t);
        for (int i = s; i < re; i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '،' || c == ';' || c == ':' || c == '(' || isOpenQuote(c) || c == '—') return i;
            if (i > s && Character.isWhitespace(t.charAt(i - 1)) && Character.isLetter(c)) {
                comp.region(i - 1, re);
                if (comp.lookingAt()) return i - 1;
                if (t.startsWith("as saying", i)) return i - 1;
            }
        }
        return re;
    }

    // ---- nesting ----------------------------------------------------------------------------------

    /** A speaker inside another attribution's content is relayed by it: via = parent's via + parent's source. */
    private static List<Attribution> nest(List<Attribution> in) {
        int n = in.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            Span s = in.get(i).source();
            if (s == null) continue;
            int best = -1, bestLen = Integer.MAX_VALUE;
            for (int j = Math.max(0, i - 20); j < Math.min(n, i + 20); j++) {
                if (j == i || in.get(j).source() == null) continue;
                for (Span c : in.get(j).content()) {
                    boolean mutual = false;
                    for (Span mine : in.get(i).content()) {
                        Span theirs = in.get(j).source();
                        if (mine.contains(theirs) || mine.contains(in.get(j).cue())) mutual = true;
                    }
                    if (!mutual && c.contains(s) && c.length() < bestLen && !c.equals(in.get(i).content().get(0))) {
                        best = j;
                        bestLen = c.length();
                    }
                }
            }
            parent[i] = best;
        }
        List<Attribution> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Span> chain = new ArrayList<>();
            int p = parent[i];
            for (int depth = 0; p >= 0 && depth < 5; depth++, p = parent[p]) {
                Attribution pa = in.get(p);
                List<Span> up = new ArrayList<>(pa.via());
                up.add(pa.source());
                chain.addAll(0, up);
            }
            chain.addAll(in.get(i).via());
            out.add(chain.isEmpty() ? in.get(i) : in.get(i).withVia(dedupe(chain)));
        }
        return out;
    }

    private static List<Span> dedupe(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) if (!out.contains(s)) out.add(s);
        return out;
    }

    // ---- text helpers -------------------------------------------------------------------------------

    /** Sentence spans: split at line breaks and at . ! ? followed by a space and not a lower-case word or abbreviation. */
    static List<Span> sentences(String t, String language) {
        List<Span> out = new ArrayList<>();
        int start = 0, n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                add(out, t, start, i);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?' || c == '؟' || c == '…') {
                int j = i + 1;
                while (j < n && (isCloseQuote(t.charAt(j)) || t.charAt(j) == ')' || t.charAt(j) == '\'')) j++;
                if (j >= n) break;
                if (t.charAt(j) != ' ' && t.charAt(j) != '\u00a0' && t.charAt(j) != '\t') continue;
                int k = j;
                while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\u00a0')) k++;
                if (k < n && Character.isLowerCase(t.charAt(k))) continue;
                if (c == '.' && abbreviation(t, i)) continue;
                add(out, t, start, j);
                start = j;
            }
        }
        add(out, t, start, n);
        return out;
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov",
            "st", "jr", "sr", "prof", "capt", "sgt", "maj", "adm", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
            "no", "vs", "etc", "inc", "corp", "co", "ltd", "mt", "ft", "rev", "pres", "gens", "cmdr", "brig", "ave", "rd");

    private static boolean abbreviation(String t, int dot) {
        int s = dot;
        while (s > 0 && (Character.isLetter(t.charAt(s - 1)) || t.charAt(s - 1) == '.')) s--;
        String w = t.substring(s, dot);
        if (w.isEmpty()) return false;
        if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) return true; // initial: "George W. Bush"
        if (w.indexOf('.') >= 0) return true; // "U.S." "U.N."
        return ABBREVIATIONS.contains(w.toLowerCase(Locale.ROOT));
    }

    private static void add(List<Span> out, String t, int s, int e) {
        // A "sentence" without punctuation (a scraped table, a spam post) is cut into pieces, so that the work per
        // cue, which scans its sentence, stays bounded.
        while (e - s > MAX_SENTENCE_CHARS) {
            int cut = s + MAX_SENTENCE_CHARS;
            while (cut > s + MAX_SENTENCE_CHARS / 2 && !Character.isWhitespace(t.charAt(cut))) cut--;
            Span piece = trimmed(t, s, cut);
            if (piece != null) out.add(piece);
            s = cut;
        }
        Span sp = trimmed(t, s, e);
        if (sp != null) out.add(sp);
    }

    /**
     * Some archives print quotation marks as two apostrophes (''We will respond,'' he said.). They become a
     * straight double quote and a space, so the text keeps its length and every span still points into the original.
     */
    static String twoApostropheQuotes(String t) {
        if (!t.contains("''")) return t;
        char[] c = t.toCharArray();
        for (int i = 0; i + 1 < c.length; i++) {
            if (c[i] != '\'' || c[i + 1] != '\'' || (i + 2 < c.length && c[i + 2] == '\'')) continue;
            boolean opening = (i == 0 || Character.isWhitespace(c[i - 1]) || c[i - 1] == '(')
                    && i + 2 < c.length && !Character.isWhitespace(c[i + 2]);
            if (opening) {
                c[i] = ' ';
                c[i + 1] = '"';
            } else {
                c[i] = '"';
                c[i + 1] = ' ';
            }
            i++;
        }
        return new String(c);
    }

    /** Quotations: “...”, «...», „...“ and paired straight quotes, within a paragraph and at most MAX_QUOTE_CHARS. */
    static List<Span> quotes(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char close = switch (c) {
                case '“' -> '”';
                case '«' -> '»';
                case '„' -> '“';
                case '"' -> '"';
                default -> 0;
            };
            if (close == 0) continue;
            int lim = Math.min(n, i + MAX_QUOTE_CHARS);
            int j = i + 1;
            while (j < lim && t.charAt(j) != close && t.charAt(j) != '\n' && !(c == '„' && t.charAt(j) == '”')) j++;
            if (j < lim && t.charAt(j) != '\n') {
                out.add(new Span(i, j + 1));
                i = j;
            }
        }
        return out;
    }

    // Quotes are sorted and do not overlap, so their starts and ends both ascend: binary searches keep a text
    // with thousands of quotes and cues linear-logarithmic rather than quadratic.

    /** Index of the first quote starting at or after pos (quotes.size() if none). */
    private static int firstStartingAtOrAfter(List<Span> quotes, int pos) {
        int lo = 0, hi = quotes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quotes.get(mid).start() < pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The last quote starting strictly before pos, or null. */
    private static Span lastStartingBefore(List<Span> quotes, int pos) {
        int i = firstStartingAtOrAfter(quotes, pos) - 1;
        return i >= 0 ? quotes.get(i) : null;
    }

    private static Span enclosingQuote(List<Span> quotes, int pos) {
        Span q = lastStartingBefore(quotes, pos);
        return q != null && pos < q.end() - 1 ? q : null;
    }

    static boolean isCloseQuote(char c) { return c == '”' || c == '"' || c == '»' || c == '“'; }

    static boolean isOpenQuote(char c) { return c == '“' || c == '«' || c == '„'; }

    /** Region end without trailing spaces and a final . ! ? ; : (a quote keeps its own). */
    private static int contentEnd(String t, int s, int e) {
        while (e > s && Character.isWhitespace(t.charAt(e - 1))) e--;
        if (e > s && ".!?;:؟".indexOf(t.charAt(e - 1)) >= 0) e--;
        return e;
    }

    private static Span trimmed(String t, int s, int e) {
        if (s < 0) s = 0;
        if (e > t.length()) e = t.length();
        while (s < e && Character.isWhitespace(t.charAt(s))) s++;
        while (e > s && Character.isWhitespace(t.charAt(e - 1))) e--;
        return e > s ? new Span(s, e) : null;
    }

    private static int trimEndIndex(String t, int s, int e) {
        while (e > s && Character.isWhitespace(t.charAt(e - 1))) e--;
        return e;
    }

    private static int lastNonSpace(String t, int s, int e) {
        for (int i = e - 1; i >= s; i--) if (!Character.isWhitespace(t.charAt(i))) return i;
        return -1;
    }

    private static int skipSpace(String t, int s, int e) {
        while (s < e && Character.isWhitespace(t.charAt(s))) s++;
        return s;
    }

    private static int skipPunct(String t, int s, int e) {
        while (s < e && (Character.isWhitespace(t.charAt(s)) || t.charAt(s) == ',' || t.charAt(s) == '—' || t.charAt(s) == '-')) s++;
        return s;
    }

    private static int words(String t, Span s) {
        return s.text(t).trim().split("\\s+").length;
    }
}
