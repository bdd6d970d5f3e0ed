/**
 * Event extraction, stage 3 of the pipeline: {@link org.sitrep.extract.EventExtractor} implements
 * {@link org.sitrep.pipeline.Extractor}. From a report and its geoparse it makes an
 * {@link org.sitrep.pipeline.Extraction}: the ACLED event type and sub-event type (or one of the
 * non-ACLED kinds in {@link org.sitrep.extract.EventTypes}) with the words that triggered it, the
 * actors with a side for map colours, killed and injured with the phrase they come from, the means,
 * the event time resolved against publication (never in the future) and the geoparser's event
 * location (null when there is none: never a silent country centroid).
 *
 * <p>Parts, each replaceable alone: {@code Tokens} (tokeniser with Arabic folding),
 * {@code PhraseMatcher} and {@code TriggerLexicon} (triggers.tsv, en/ru/uk/ar), {@code TypeModel}
 * (learned weights, type-model.bin) and {@code TypeClassifier} (rules + model), {@code ActorLexicon}
 * (actors.tsv, extensible), {@code CasualtyExtractor}, {@code EventTimeResolver}. The resources and how
 * the weights were trained are described in {@code src/main/resources/org/sitrep/extract/README.md}.
 * Everything here is immutable after loading and thread-safe; nothing does I/O per report.
 */
package org.sitrep.extract;
