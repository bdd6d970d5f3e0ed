package org.sitrep.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.model.Actor;
import org.sitrep.model.Claim;
import org.sitrep.model.ClaimSides;
import org.sitrep.model.Report;
import org.sitrep.model.Stance;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.Extraction;

/**
 * Claims of one report: its attributed statements of fact (opinions such as "believes" or "supports"
 * are left out), each with the speaker's stance towards the report's event, who is held responsible
 * according to the speaker, the relaying outlets and a confidence. Pure and thread-safe.
 *
 * <p>Stance: the cue decides first ("denied", "rejected as false" deny; "said", "claimed" support); an
 * assertion whose content calls something false ("the ministry said the reports were fake") denies. A
 * statement that mentions nothing of the event (no trigger, weapon, actor, place or attack word) only
 * OBSERVES, with low confidence: "the minister said talks would resume" is no claim about the strike.
 *
 * <p>Responsibility: "X claimed responsibility" names X; "X denied responsibility" names X with stance
 * DENIES (a denial of X's role, not of the event); "X blamed Y for" and "Y carried out the attack,
 * X said" name Y.
 */
public final class AttributedClaimExtractor implements ClaimExtractor {
    /** At most this many claims per report; a long transcript does not flood the event. */
    static final int MAX_CLAIMS = 100;
    static final int MAX_CLAIMANT_CHARS = 200;
    static final int MAX_CONTENT_CHARS = 1_000;

    private final AttributionExtractor attributions;

    public AttributedClaimExtractor(AttributionExtractor attributions) {
        this.attributions = Objects.requireNonNull(attributions);
    }

    public AttributedClaimExtractor() { this(new AttributionExtractor()); }

    private static final Pattern EVENT_WORDS = Pattern.compile(
            "(?<![\\p{L}])(?:attack|strike|struck|drone|missile|rocket|shell|bomb|blast|explosion|explod|kill|dead|died|"
                    + "wound|injur|casualt|fire[ds]?|shot|shoot|raid|assault|clash|fight|offensive|ambush|hit|destroy|damag|"
                    + "air ?base|airfield|intercept|down(?:ed)?|launch|"
                    + "удар|атак|обстрел|ракет|дрон|беспилотник|бпла|погиб|ранен|взрыв|сбит|уничтож|"
                    + "удар|атак|обстріл|ракет|дрон|безпілотник|загин|поранен|вибух|збит|знищ|"
                    + "هجوم|غارة|قصف|صاروخ|مسيرة|طائرة|انفجار|قتل|مقتل|جرح|إصابة|استهداف|اشتباك)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FALSE_WORDS = Pattern.compile(
            "(?<![\\p{L}])(?:false|fake|untrue|fabricat|baseless|groundless|lies?|propaganda|disinformation|hoax|"
                    + "not true|did not (?:happen|take place|occur)|never happened|no (?:such )?(?:attack|strike)|"
                    + "ложь|ложн|фейк|неправд|не соответству|дезинформац|брехн|неправд|фейк|"
                    + "كاذب|مفبرك|ملفق|عار(?:ية)? عن الصحة|لا صحة|مزاعم|المزاعم|مزعوم|ادعاءات|الادعاءات)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Y carried out the attack", "the strike was carried out by Y", "Y was behind it". */
    private static final Pattern PERPETRATOR = Pattern.compile(
            "^(?:that\\s+)?((?:the\\s+)?\\p{Lu}[\\p{L}\\-’']*(?:\\s+(?:\\p{Lu}[\\p{L}\\-’']*|of|the|al|forces|army|troops|military|militants|fighters|group)){0,6})"
                    + "\\s+(?:had\\s+|has\\s+|have\\s+)?(?:carried out|was behind|were behind|is behind|are behind|launched|fired|conducted|struck|attacked|shelled|bombed)\\b"
                    + "|(?:carried out|launched|fired|conducted) by ((?:the\\s+)?\\p{Lu}[\\p{L}\\-’']*(?:\\s+(?:\\p{Lu}[\\p{L}\\-’']*|of|the|al|forces|army|troops)){0,6})");
    private static final Pattern NEGATED = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:not|never|n[’']t|no|не|ні|لم|لا|لن)(?![\\p{L}])|n[’']t(?![\\p{L}])");
    private static final Pattern NO_ONE = Pattern.compile(
            "(?i)^(?:no|none|nobody|no one|neither|никто|ни одна|ніхто|жодна|لا أحد|لم)(?![\\p{L}])");
    private static final Pattern BLAMED = Pattern.compile("^(.{1,80}?)\\s+(?:for|of|over)\\b");
    private static final Pattern PRONOUN = Pattern.compile(
            "(?i)^(?:he|she|they|it|we|i|you|him|her|them|он|она|они|він|вона|вони|هو|هي|هم)$");

    @Override
    public List<Claim> claims(Report report, Extraction extraction) {
        String text = report.fullText();
        List<Attribution> found = attributions.extract(text, report.language());
        String rid = report.id() != null ? report.id() : report.sourceId() + "/" + (report.externalId() == null ? "" : report.externalId());
        List<String> eventTerms = eventTerms(extraction);
        List<Claim> out = new ArrayList<>();
        for (Attribution a : found) {
            if (out.size() >= MAX_CLAIMS) break;
            if (!a.kind().factual() || a.source() == null) continue;
            String claimant = ClaimSides.partyName(clean(a.source().text(text), MAX_CLAIMANT_CHARS));
            if (claimant.isEmpty()) continue;
            Span extent = a.contentExtent();
            String content = clean(extent.text(text), MAX_CONTENT_CHARS);
            String cue = clean(a.cue().text(text), 100);
            if (cue.equals(":") && (EVENT_WORDS.matcher(claimant).find() || isPlace(claimant, extraction))) continue; // "Aleppo: ..."
            boolean negated = NEGATED.matcher(cue).find() || NO_ONE.matcher(claimant).find();
            boolean relevant = mentionsEvent(content, eventTerms) || a.kind() == CueKind.CLAIM_RESPONSIBILITY
                    || a.kind() == CueKind.DENY_RESPONSIBILITY;
            Stance stance = a.kind().stance();
            if (stance == Stance.SUPPORTS && a.kind() != CueKind.CLAIM_RESPONSIBILITY
                    && (FALSE_WORDS.matcher(content).find() || deniesAnAct(content))) {
                stance = Stance.DENIES; // "the ministry said the reports were fake", "confirmed that the brigades did not launch any drone"
            }
            if (!relevant && stance == Stance.SUPPORTS) stance = Stance.OBSERVES;
            // "No group has claimed responsibility", "the army did not confirm": no position taken.
            if (negated) stance = Stance.OBSERVES;
            String responsibility = negated ? null : responsibility(a.kind(), claimant, content);
            String via = a.via().isEmpty() ? null : String.join(", citing ", a.via().stream().map(s -> clean(s.text(text), MAX_CLAIMANT_CHARS)).toList());
            double confidence = confidence(a, claimant, relevant && !negated);
            out.add(new Claim(rid + "#c" + out.size(), report.id(), claimant, cue, content, stance, responsibility, via,
                    extent.start(), extent.end(), confidence));
        }
        return List.copyOf(bridged(out));
    }

    /** "a ministry spokesperson", "the ministry", "an army statement": a speaker named only by the kind of body it speaks for. */
    private static final Pattern BARE_BODY = Pattern.compile(
            "(?i)^(?:a|an|the)\\s+(ministry|government|army|military|police|embassy|office|agency|authority|authorities|council|command|"
                    + "committee|presidency|administration|group|movement|faction|brigades?|forces)"
                    + "(?:\\s+(?:spokesperson|spokesman|spokeswoman|official|officials|source|sources|statement|representative))?$");

    /**
     * A speaker named only as the kind of body it speaks for ("A ministry spokesperson said ...") after a speaker of
     * that kind was named in the same report ("Turkey's foreign ministry called the claim false") is that body's
     * voice: the claim takes the body's name, and what a denying body adds is its side of the dispute, so a
     * plain "said" that follows a denial by the same body denies too. A body named with its own modifier ("the
     * Syrian ministry") is another speaker and is left alone.
     */
    static List<Claim> bridged(List<Claim> claims) {
        List<Claim> out = new ArrayList<>(claims);
        for (int i = 1; i < out.size(); i++) {
            Claim c = out.get(i);
            Matcher m = BARE_BODY.matcher(c.claimant());
            if (!m.matches()) continue;
            Pattern kind = Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(m.group(1)) + "(?![\\p{L}])");
            for (int j = i - 1; j >= 0; j--) {
                Claim a = out.get(j);
                if (BARE_BODY.matcher(a.claimant()).matches() || !kind.matcher(a.claimant()).find()) continue;
                Stance stance = a.stance() == Stance.DENIES && c.stance() == Stance.SUPPORTS ? Stance.DENIES : c.stance();
                out.set(i, new Claim(c.id(), c.reportId(), a.claimant(), c.cue(), c.content(), stance, c.responsibility(), c.via(),
                        c.contentStart(), c.contentEnd(), c.confidence()));
                break;
            }
        }
        return out;
    }

    private static List<String> eventTerms(Extraction ex) {
        List<String> terms = new ArrayList<>();
        if (ex == null) return terms;
        for (String t : ex.triggers()) if (t != null && t.length() >= 3) terms.add(t.toLowerCase(Locale.ROOT));
        for (String m : ex.means()) if (m != null && m.length() >= 3) terms.add(m.toLowerCase(Locale.ROOT));
        for (Actor a : ex.actors()) if (a.name() != null && a.name().length() >= 3) terms.add(a.name().toLowerCase(Locale.ROOT));
        if (ex.location() != null && ex.location().name() != null && ex.location().name().length() >= 3) {
            terms.add(ex.location().name().toLowerCase(Locale.ROOT));
        }
        return terms;
    }

    /** Whether the "speaker" before a colon is the event's place ("Aleppo: ..."), compared ignoring case and punctuation. */
    private static boolean isPlace(String claimant, Extraction ex) {
        return ex != null && ex.location() != null && ex.location().name() != null
                && ClaimSides.partyKey(ex.location().name()).equals(ClaimSides.partyKey(claimant));
    }

    /** "did not launch any drone", "never fired", "не запускали", "لم تطلق أي طائرة": the content's first clause says the act was not done. */
    private static final Pattern NOT_DONE = Pattern.compile(
            "^(?:that\\s+)?[^,.;:]{0,60}?(?<![\\p{L}])(?:did not|didn[’']t|never|has not|have not|had not|hasn[’']t|haven[’']t|не|ні|لم|لا)\\s+"
                    + "(?:\\p{L}+\\s+)?(?:launch|fire|attack|strike|carry out|carried out|target|shell|bomb|send|запуска|запусти|атаков|обстрелива|"
                    + "наноси|запуска|атакува|обстрілю|تطلق|يطلق|نطلق|تهاجم|يهاجم|نهاجم|تستهدف|يستهدف|نستهدف|تقصف|يقصف|نقصف)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static boolean deniesAnAct(String content) {
        return NOT_DONE.matcher(content).find();
    }

    static boolean mentionsEvent(String content, List<String> terms) {
        String low = content.toLowerCase(Locale.ROOT);
        for (String t : terms) if (low.contains(t)) return true;
        return EVENT_WORDS.matcher(content).find();
    }

    static String responsibility(CueKind kind, String claimant, String content) {
        switch (kind) {
            case CLAIM_RESPONSIBILITY, DENY_RESPONSIBILITY -> { return claimant; }
            case BLAME -> {
                Matcher m = BLAMED.matcher(content);
                return m.find() ? clean(m.group(1), MAX_CLAIMANT_CHARS) : null;
            }
            default -> {
                Matcher m = PERPETRATOR.matcher(content);
                if (m.find()) return clean(m.group(1) != null ? m.group(1) : m.group(2), MAX_CLAIMANT_CHARS);
                return null;
            }
        }
    }

    private static double confidence(Attribution a, String claimant, boolean relevant) {
        double c = switch (a.kind()) {
            case CLAIM_RESPONSIBILITY -> 0.85;
            case DENY, DENY_RESPONSIBILITY -> 0.8;
            case ASSERT, ACCORDING_TO -> 0.75;
            case HEDGED, BLAME -> 0.65;
            case OPINION -> 0.3;
        };
        if (PRONOUN.matcher(claimant).matches()) c -= 0.2; // "he said": the speaker is named elsewhere
        c -= 0.05 * a.via().size();
        if (!relevant) c *= 0.5;
        return Math.round(Math.max(0.05, c) * 100) / 100.0;
    }

    /** Collapses spaces, drops edge punctuation, caps the length. */
    static String clean(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        t = t.replaceAll("^[,;:—–\\-\\s]+|[,;:—–\\-\\s]+$", "");
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }
}
