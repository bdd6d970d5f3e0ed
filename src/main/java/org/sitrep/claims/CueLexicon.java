package org.sitrep.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Attribution cues of one language, written for Sitrep (not taken from any corpus), with the words
 * that introduce reported content ("that", "что", "що", "أن") and the auxiliaries that belong to a cue
 * ("has said", "also denied"). Immutable and thread-safe.
 *
 * <p>Verbs are listed in the inflected forms news uses: past tense in all genders for Russian and
 * Ukrainian ("заявил", "заявила", "заявили"), and for Arabic the perfect and imperfect, masculine and
 * feminine, with an optional attached conjunction ("وقال", "فيما أعلنت" keeps its own word).
 */
final class CueLexicon {
    /** One cue: a pattern matched at word boundaries, its kind, and whether the source follows it. */
    record Cue(Pattern pattern, CueKind kind, boolean sourceAfter) {}

    final String language;
    final List<Cue> cues;
    /** Words that may open the content right after the cue; kept inside the content span. */
    final Pattern complementizer;
    /** Auxiliaries and adverbs just before a cue that belong to it ("has also said"). */
    final Pattern auxBefore;
    /** A word right before a cue that makes the cue a noun or adjective: "the report", "his claims", "an added benefit". */
    final Pattern nounBefore;
    /** Words that end a source phrase when scanning left from the cue ("..., but the ministry said"). */
    final Pattern clauseWord;
    /** Introduces a relayed source after a cue: "reported, citing", "со ссылкой на", "نقلا عن". */
    final Pattern citing;

    /**
     * Single words that are cues (from {@link LearnedCues}), lower case, looked up word by word rather than compiled
     * into one alternation of hundreds of words. A learned word is only known to be a cue, not whether it reports a
     * fact, so it is an {@link #learnedCue opinion cue} and makes no factual claim; a hand-written cue at the same
     * place wins.
     */
    final Set<String> words;
    final Cue learnedCue = new Cue(Pattern.compile("(?!)"), CueKind.OPINION, false);

    private CueLexicon(String language, List<Cue> cues, String complementizer, String auxBefore, String clauseWord, String citing) {
        this(language, cues, Set.of(), complementizer, auxBefore, clauseWord, citing, "(?!)");
    }

    private CueLexicon(String language, List<Cue> cues, Set<String> words, String complementizer, String auxBefore, String clauseWord,
                       String citing, String nounBefore) {
        this.language = language;
        this.words = Set.copyOf(words);
        this.nounBefore = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + nounBefore + ")\\s+$", FLAGS);
        this.cues = List.copyOf(cues);
        this.complementizer = Pattern.compile("^\\s*(?:" + complementizer + ")(?![\\p{L}\\p{M}])", FLAGS);
        this.auxBefore = Pattern.compile("(?:(?<![\\p{L}\\p{M}])(?:" + auxBefore + ")\\s+)+$", FLAGS);
        this.clauseWord = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + clauseWord + ")(?![\\p{L}\\p{M}])", FLAGS);
        this.citing = Pattern.compile("^\\s*,?\\s*(?:" + citing + ")\\s+", FLAGS);
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** One match of a hand cue in a text: [start, end) and the cue. */
    record Match(int start, int end, Cue cue) {}

    /** Every match of every cue in {@code t}, sorted by start (a text is scanned once per cue, not once per sentence). */
    List<Match> matches(String t) {
        List<Match> out = new ArrayList<>();
        for (Cue c : cues) {
            java.util.regex.Matcher m = c.pattern().matcher(t);
            while (m.find()) out.add(new Match(m.start(), m.end(), c));
        }
        out.sort(java.util.Comparator.comparingInt(Match::start));
        return out;
    }

    /** The lexicon for an ISO 639-1 code; English for null or unknown codes. */
    static CueLexicon forLanguage(String lang) { return forLanguage(lang, Set.of()); }

    /** As {@link #forLanguage(String)}, English with extra cue words counted in annotated news ({@link LearnedCues}). */
    static CueLexicon forLanguage(String lang, Set<String> learnedEnglish) {
        if (lang == null) return english(learnedEnglish);
        return switch (lang.toLowerCase(java.util.Locale.ROOT)) {
            case "ru" -> russian();
            case "uk" -> ukrainian();
            case "ar" -> arabic();
            default -> english(learnedEnglish);
        };
    }

    private static final class Builder {
        final List<Cue> cues = new ArrayList<>();
        final String prefix;

        Builder(String prefix) { this.prefix = prefix; }

        Builder add(CueKind kind, String... alternatives) { return add(kind, false, true, alternatives); }

        Builder after(CueKind kind, String... alternatives) { return add(kind, true, true, alternatives); }

        /** A cue glued to the next word (Arabic "لـ" in "وفقا لوزارة"). */
        Builder glued(CueKind kind, String... alternatives) { return add(kind, true, false, alternatives); }

        private Builder add(CueKind kind, boolean sourceAfter, boolean endBoundary, String... alternatives) {
            String body = String.join("|", alternatives);
            String re = "(?<![\\p{L}\\p{M}])" + prefix + "(?:" + body + ")" + (endBoundary ? "(?![\\p{L}\\p{M}])" : "");
            cues.add(new Cue(Pattern.compile(re, FLAGS), kind, sourceAfter));
            return this;
        }
    }

    static CueLexicon english() { return english(Set.of()); }

    static CueLexicon english(Set<String> learned) {
        Builder b = new Builder("");
        String objs = "(?:the |these |those |such |all |any )?(?:claims?|reports?|allegations?|accusations?|accounts?|statements?|it|them|this|that|footage|video|images?|information)";
        String falseWords = "(?:false|fake|untrue|baseless|groundless|fabricated|a fabrication|lies|a lie|propaganda|disinformation|misinformation|fiction|nonsense|absurd|a hoax|unfounded)";
        b.add(CueKind.CLAIM_RESPONSIBILITY,
                "claim(?:s|ed|ing)? (?:full )?(?:responsibility|credit)", "took (?:full )?responsibility",
                "tak(?:e|es|ing) (?:full )?responsibility", "accept(?:s|ed)? responsibility",
                "claim(?:s|ed) the (?:attack|bombing|strike|assault|killing)s?");
        b.add(CueKind.DENY_RESPONSIBILITY,
                "den(?:y|ies|ied|ying) (?:any )?(?:responsibility|involvement|role|part|link|links)",
                "reject(?:s|ed)? (?:any )?(?:responsibility|involvement)",
                "den(?:y|ies|ied|ying) (?:carrying out|conducting|launching|being behind|having)");
        b.add(CueKind.DENY,
                "reject(?:s|ed|ing)? (?:" + objs + " )?as " + falseWords,
                "dismiss(?:es|ed|ing)? (?:" + objs + " )?as " + falseWords,
                "call(?:s|ed|ing)? " + objs + " " + falseWords, "call(?:s|ed|ing)? " + falseWords, "described? " + objs + " as " + falseWords,
                "den(?:y|ies|ied|ying)", "reject(?:s|ed|ing)?", "refut(?:e|es|ed|ing)", "dismiss(?:es|ed|ing)?",
                "disput(?:es|ed|ing)", "contradict(?:s|ed|ing)?", "debunk(?:s|ed|ing)?", "rebut(?:s|ted|ting)?");
        b.add(CueKind.BLAME, "blam(?:e|es|ed|ing)", "accus(?:e|es|ed|ing)", "h[eo]ld(?:s|ing)? \\S+ (?:\\S+ )?responsible");
        b.add(CueKind.HEDGED, "claim(?:s|ed|ing)", "alleg(?:e|es|ed|ing)", "assert(?:s|ed|ing)?", "purport(?:s|ed|ing)?",
                "was quoted as saying", "were quoted as saying");
        b.after(CueKind.ACCORDING_TO, "according to", "citing", "quoting", "as reported by", "cited by", "quoted by");
        b.add(CueKind.ASSERT,
                "said in a statement", "said on (?:twitter|x|telegram|facebook)", "sa(?:y|ys|id|ying)", "t(?:ells|old|elling)",
                "stat(?:ed|ing)", "add(?:s|ed|ing)?", "announc(?:e|es|ed|ing)", "reported",
                "confirm(?:s|ed|ing)?", "not(?:ed|ing)", "explain(?:s|ed|ing)?", "wr(?:ite|ites|ote|iting)",
                "tweet(?:ed|ing)", "posted", "insist(?:s|ed|ing)?", "argu(?:e|es|ed|ing)", "warn(?:s|ed|ing)?",
                "declar(?:e|es|ed|ing)", "acknowledg(?:e|es|ed|ing)", "admit(?:s|ted|ting)?", "suggest(?:s|ed|ing)?",
                "ask(?:ed|ing)", "repl(?:y|ies|ied|ying)", "recall(?:s|ed|ing)?",
                "describ(?:e|es|ed|ing)", "call(?:ed|ing)(?: for| on)?", "predict(?:s|ed|ing)?", "promis(?:e|es|ed|ing)",
                "vow(?:s|ed|ing)?", "pledg(?:es|ing)", "urg(?:e|es|ed|ing)", "stress(?:es|ed|ing)?",
                "cit(?:e|es|ed)", "mention(?:s|ed|ing)?", "reveal(?:s|ed|ing)?", "indicat(?:e|es|ed|ing)",
                "conclud(?:e|es|ed|ing)", "estimat(?:e|es|ed|ing)", "show(?:s|ed)", "found", "finds",
                "continued", "told reporters", "briefed", "informed", "testified", "observed", "pointed out",
                "emphasi[sz](?:e|es|ed|ing)", "maintain(?:s|ed)?", "assured", "quipped", "recounted", "wondered",
                "acknowledg(?:e|es|ed)", "confided", "shouted", "declin(?:e|es|ed) to comment",
                "issu(?:ed|es|ing) a statement", "express(?:ed|es|ing)", "referr(?:ed|ing) to", "point(?:ed|ing|s) (?:to|out)",
                "talk(?:ed|s|ing) about", "spoke about", "discuss(?:ed|es|ing)", "complain(?:ed|s|ing)", "echo(?:ed|es|ing)",
                "reiterat(?:ed|es|ing)", "repeat(?:ed|s|ing)", "conced(?:ed|es|ing)", "jok(?:ed|es|ing)", "remind(?:ed|s|ing)",
                "requested", "voic(?:ed|es|ing)", "boast(?:ed|s|ing)", "tout(?:ed|s|ing)", "rail(?:ed|s|ing) against",
                "plead(?:ed|s|ing)", "threaten(?:ed|s|ing)", "remarked", "emailed", "texted", "hail(?:ed|s|ing)",
                "demand(?:ed|s|ing)", "insist(?:ed|s|ing)", "recount(?:ed|s|ing)", "summ(?:ed|ing) up", "put it", "wrote in",
                "made (?:it )?clear", "signal(?:ed|led|s|ing)", "lament(?:ed|s|ing)", "confirm(?:ing)", "announc(?:ing)",
                "describ(?:ing)", "explain(?:ing)", "warn(?:ing)", "urg(?:ing)", "promis(?:ing)", "predict(?:ing)");
        b.add(CueKind.OPINION,
                "believ(?:e|es)", "thinks",
                "hoped", "hoping", "feared", "expects", "doubted",
                "worr(?:y|ies|ied)", "agre(?:es|ed)", "criticiz(?:e|es|ed|ing)", "criticis(?:e|es|ed|ing)",
                "prais(?:es|ed|ing)", "endors(?:es|ed|ing)", "supported", "oppos(?:es|ed)",
                "defend(?:s|ed|ing)", "seem(?:s|ed)", "appear(?:s|ed)",
                "sought", "refus(?:es|ed)", "questioned",
                "welcomed", "condemn(?:s|ed|ing)?", "denounc(?:e|es|ed|ing)", "blast(?:s|ed|ing)", "slam(?:s|med|ming)",
                "mock(?:ed|s|ing)", "challenged", "portray(?:ed|s|ing)", "deem(?:ed|s)", "prefer(?:s|red)",
                "decr(?:ied|ies)", "encourag(?:ed|es|ing)", "thanked", "convinced", "eager to", "worried", "fear(?:ed|ing)",
                "hop(?:ed|ing)", "vowing", "learned", "concern(?:ed) (?:that|about)", "skeptical", "frustrated (?:that|with)",
                "angered", "wonder(?:ed|s|ing)", "oppose",
                "criticiz(?:ing)", "accusing", "questioning");
        return new CueLexicon("en", b.cues, learned, "that",
                "has|have|had|is|are|was|were|be|been|being|will|would|may|might|could|can|should|must|shall|"
                        + "doesn[’']t|didn[’']t|don[’']t|isn[’']t|wasn[’']t|won[’']t|can[’']t|hasn[’']t|haven[’']t|also|later|previously|earlier|again|repeatedly|publicly|"
                        + "reportedly|first|then|recently|once|did|does|do|not|never|already|since|just|flatly|strongly|"
                        + "quickly|swiftly|immediately|officially|separately|further|privately|openly|allegedly|"
                        + "\\p{L}+ to|going to|went on to",
                "that|but|because|while|when|whereas|although|though|since|after|before|if|as|who|which|where|and then",
                "citing|quoting", "a|an|the|his|her|their|its|our|my|your|this|these|those|whose");
    }

    static CueLexicon russian() {
        String g = "(?:а|о|и)?"; // past-tense gender and number endings
        Builder b = new Builder("");
        b.add(CueKind.CLAIM_RESPONSIBILITY, "взял" + g + " на себя ответственность", "берут на себя ответственность",
                "берет на себя ответственность", "ответственность (?:за [\\p{L}\\- ]{1,40} )?взял" + g + " на себя");
        b.add(CueKind.DENY_RESPONSIBILITY, "отрица(?:ет|ют|л|ла|ли) (?:свою )?(?:причастность|ответственность|участие)",
                "непричастн(?:ы|а|о|ость)");
        b.add(CueKind.DENY, "опроверг(?:ла|ло|ли)?", "опроверга(?:ет|ют|л|ла|ли)", "отрица(?:ет|ют|л|ла|ли)",
                "назвал" + g + " (?:[\\p{L}]+ ){0,3}(?:ложью|фейком|фейками|ложными|ложной|провокацией|неправдой|дезинформацией|вбросом)",
                "отверг" + g, "отвергл(?:а|о|и)", "отверга(?:ет|ют)");
        b.add(CueKind.BLAME, "обвинил" + g, "обвиня(?:ет|ют|л|ла|ли)", "возложил" + g + " ответственность");
        b.add(CueKind.HEDGED, "утвержда(?:ет|ют|л|ла|ли)", "уверя(?:ет|ют|л|ла|ли)", "якобы");
        b.after(CueKind.ACCORDING_TO, "по словам", "по данным", "по информации", "по сообщению", "согласно",
                "как сообщает", "как сообщил" + g, "как заявил" + g, "со ссылкой на", "ссылаясь на");
        b.add(CueKind.ASSERT, "заяв(?:ил|ила|ило|или|ляет|ляют)", "сообщ(?:ил|ила|ило|или|ает|ают)", "сказал" + g,
                "говор(?:ит|ят|ил|ила|или)", "говорится", "отметил" + g, "подчеркнул" + g, "добавил" + g,
                "рассказал" + g, "уточнил" + g, "пояснил" + g, "передал" + g, "написал" + g, "объявил" + g,
                "подтверд(?:ил|ила|или|ило)", "подтвержда(?:ет|ют)", "сообщается", "констатировал" + g, "заверил" + g);
        return new CueLexicon("ru", b.cues, "что|о том, что|будто", "также|уже|ранее|вновь|официально|не|публично|позже",
                "что|но|а|когда|хотя|поскольку|который|которая|которые", "со ссылкой на|ссылаясь на");
    }

    static CueLexicon ukrainian() {
        Builder b = new Builder("");
        b.add(CueKind.CLAIM_RESPONSIBILITY, "взя(?:в|ла|ло|ли) на себе відповідальність", "беруть на себе відповідальність",
                "бере на себе відповідальність");
        b.add(CueKind.DENY_RESPONSIBILITY, "запереч(?:ує|ують|ив|ила|или) (?:свою )?(?:причетність|відповідальність|участь)");
        b.add(CueKind.DENY, "спростува(?:в|ла|ло|ли)", "спростову(?:є|ють)", "запереч(?:ує|ують|ив|ила|или)",
                "назва(?:в|ла|ли) (?:[\\p{L}]+ ){0,3}(?:фейком|брехнею|неправдою|провокацією|дезінформацією|вкидом)",
                "відкину(?:в|ла|ли)");
        b.add(CueKind.BLAME, "звинуват(?:ив|ила|или)", "звинувачу(?:є|ють)", "поклав відповідальність", "поклала відповідальність");
        b.add(CueKind.HEDGED, "стверджу(?:є|ють)", "стверджува(?:в|ла|ли)", "нібито");
        b.after(CueKind.ACCORDING_TO, "за словами", "за даними", "за інформацією", "згідно з", "як повідомляє",
                "як повідоми(?:в|ла|ли)", "з посиланням на", "посилаючись на");
        b.add(CueKind.ASSERT, "заяви(?:в|ла|ло|ли)", "заявля(?:є|ють)", "повідоми(?:в|ла|ло|ли)", "повідомля(?:є|ють)",
                "сказа(?:в|ла|ли)", "зазначи(?:в|ла|ли)", "дода(?:в|ла|ли)", "наголоси(?:в|ла|ли)", "підтверди(?:в|ла|ли)",
                "підтверджу(?:є|ють)", "написа(?:в|ла|ли)", "розпові(?:в|ла|ли)", "поясни(?:в|ла|ли)", "оголоси(?:в|ла|ли)",
                "повідомляється", "уточни(?:в|ла|ли)", "передає");
        return new CueLexicon("uk", b.cues, "що|про те, що|ніби", "також|вже|раніше|знову|офіційно|не|публічно",
                "що|але|а|коли|хоча|оскільки|який|яка|які", "з посиланням на|посилаючись на");
    }

    static CueLexicon arabic() {
        // Optional attached conjunction wa-/fa- ("وقال", "فأعلنت").
        Builder b = new Builder("[وف]?");
        b.add(CueKind.CLAIM_RESPONSIBILITY, "تبن(?:ى|ّى|ت|ّت)", "يتبنى", "أعلن(?:ت)? مسؤوليت(?:ه|ها|هم)", "أعلن(?:ت)? تبني(?:ه|ها)");
        b.add(CueKind.DENY_RESPONSIBILITY, "(?:نفى|نفت|ينفي|تنفي) (?:أي |اي )?(?:مسؤوليت(?:ه|ها|هم)|علاق(?:ته|تها|تهم)|تورط(?:ه|ها|هم)?|مسؤولية)");
        b.add(CueKind.DENY, "نفى|نفت|ينفي|تنفي|نفوا", "كذب(?:ت)?|كذّب(?:ت)?", "رفض(?:ت)?",
                "وصف(?:ت)? [\\p{L}\\p{M} ]{0,30}(?:ب|بأنها |بأنه )(?:الكاذب|كاذب|الكاذبة|كاذبة|المفبرك|مفبرك|مفبركة|الملفق|ملفق|ملفقة|الدعائي)\\p{L}*");
        b.add(CueKind.BLAME, "اتهم(?:ت)?", "يتهم|تتهم", "حم(?:ّ)?ل(?:ت)? (?:[\\p{L}]+ )?مسؤولية");
        b.add(CueKind.HEDGED, "زعم(?:ت)?|يزعم|تزعم", "ادع(?:ى|ت)|يدعي|تدعي");
        b.glued(CueKind.ACCORDING_TO, "وفق(?:ا|اً|ً)? ل", "طبق(?:ا|اً)? ل");
        b.after(CueKind.ACCORDING_TO, "بحسب", "حسب", "نقل(?:ا|اً)? عن", "على لسان");
        b.add(CueKind.ASSERT, "قال|قالت|يقول|تقول|قالوا", "أعلن(?:ت)?|يعلن|تعلن", "أكد(?:ت)?|أكّد(?:ت)?|يؤكد|تؤكد",
                "صرح(?:ت)?|صرّح(?:ت)?", "أضاف(?:ت)?", "أفاد(?:ت)?|يفيد|تفيد", "ذكر(?:ت)?|يذكر|تذكر", "أوضح(?:ت)?",
                "كشف(?:ت)?", "أشار(?:ت)?", "أعلنت", "بث(?:ت)?");
        return new CueLexicon("ar", b.cues, "إن|أن|بأن|ان|إنه|أنه|إنها|أنها", "قد|كما|أيضا|أيضاً",
                "التي|الذي|لكن|بينما|عندما", "نقلا عن|نقلاً عن");
    }
}
