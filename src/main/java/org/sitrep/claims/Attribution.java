package org.sitrep.claims;

import java.util.List;

/**
 * One attributed statement: who (source), how (cue) and what (content), as character spans into the
 * text that was analysed. Immutable.
 *
 * @param source  the speaker as written ("Simone Perry, a black tea party activist,"), or null when the
 *                text names none ("it was reported that ...")
 * @param cue     the cue words, e.g. "said", "has denied", "reported, citing", "according to"
 * @param content the attributed content, one or more fragments (a quote interrupted by "he said" has two)
 * @param kind    what the cue says about the speaker's position
 * @param via     relaying sources, outermost first: for "TASS reported, citing the ministry, that a
 *                commander said ..." the commander's statement has via [TASS, the ministry]; empty when direct
 */
public record Attribution(Span source, Span cue, List<Span> content, CueKind kind, List<Span> via) {
    public Attribution {
        content = List.copyOf(content);
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** From the first content fragment's start to the last one's end. */
    public Span contentExtent() {
        return new Span(content.get(0).start(), content.get(content.size() - 1).end());
    }

    Attribution withVia(List<Span> relays) { return new Attribution(source, cue, content, kind, relays); }
}
