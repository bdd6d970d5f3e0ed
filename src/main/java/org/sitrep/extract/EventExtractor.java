package org.sitrep.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sitrep.model.Actor;
import org.sitrep.model.Report;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparse;

/**
 * Event extraction: type and sub-type on the ACLED taxonomy (plus "Not a conflict event",
 * "Diplomatic/political statement" and "Claim/denial of responsibility", see {@link EventTypes}) with
 * the words that triggered it, actors with sides, killed and injured with their phrase, means, the
 * event time resolved against publication, and the geoparser's event location.
 *
 * <p>The location is the geoparser's choice and nothing else: a report without one stays unlocated
 * (null) rather than being pinned to a country centroid.
 *
 * <p>Build once ({@link #loadDefault()} reads the lexicons and the type model, ~1 MB) and share:
 * instances are immutable and thread-safe, and {@link #extract} does no I/O.
 */
public final class EventExtractor implements Extractor {
    private final TriggerLexicon triggers;
    private final TypeClassifier classifier;
    private final ActorLexicon actors;
    private final CasualtyExtractor casualties = new CasualtyExtractor();
    private final EventTimeResolver time = new EventTimeResolver();
    private final String modelDescription;

    private EventExtractor(TriggerLexicon triggers, TypeModel model, ActorLexicon actors) {
        this.triggers = triggers;
        this.classifier = new TypeClassifier(model);
        this.actors = Objects.requireNonNull(actors);
        this.modelDescription = model.description();
    }

    /** The shipped lexicons, actor list and type model. */
    public static EventExtractor loadDefault() {
        return new EventExtractor(TriggerLexicon.loadDefault(), TypeModel.loadDefault(), ActorLexicon.loadDefault());
    }

    /** As {@link #loadDefault()}, with a deployment's actor list (same format as actors.tsv) added. */
    public static EventExtractor withActors(Path actorList) {
        return new EventExtractor(TriggerLexicon.loadDefault(), TypeModel.loadDefault(), ActorLexicon.load(actorList));
    }

    /** How the shipped type model was trained (files, split, settings). */
    public String modelDescription() { return modelDescription; }

    @Override
    public Extraction extract(Report report, Geoparse geoparse) {
        String text = report.fullText();
        Tokens t = Tokens.of(text);
        List<TriggerLexicon.Hit> hits = triggers.events(t);
        List<Actor> parties = actors.actors(t);
        List<TriggerLexicon.Hit> meansHits = triggers.means(t);
        TypeClassifier.Decision d = classifier.classify(t, hits, meansHits, parties);
        List<String> means = new ArrayList<>();
        for (TriggerLexicon.Hit h : meansHits) if (!means.contains(h.label())) means.add(h.label());
        EventTimeResolver.Resolved when = time.resolve(text, report.publishedAt());
        return new Extraction(d.type(), d.subType(), d.triggers(), parties, casualties.extract(report.title(), report.text()), means,
                when.window(), geoparse == null ? null : geoparse.eventLocation(), d.confidence());
    }
}
