package org.sitrep.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Terms and their document frequencies, learned online from the report stream, so inverse document
 * frequency needs no training corpus and adapts to what the sources are writing about this week.
 * Bounded: past {@code maxTerms} new words are not added (they count as unseen, i.e. ignored in
 * similarity), so a flood of junk tokens cannot exhaust memory. Thread-safe.
 */
final class Vocabulary {
    /** One term: a stable dense id (for sorted-array merges) and its document frequency. */
    static final class Term {
        final int id;
        final String word;
        final AtomicInteger df = new AtomicInteger();
        // idf cached for one epoch of the document count (benign race: any thread's value is valid).
        private volatile long idfEpoch = -1;
        private volatile double idf;

        Term(int id, String word) {
            this.id = id;
            this.word = word;
        }
    }

    private final ConcurrentHashMap<String, Term> terms = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicLong docs = new AtomicLong();
    private volatile long epoch, epochDocs;
    private final int maxTerms;

    Vocabulary(int maxTerms) {
        if (maxTerms < 1) throw new IllegalArgumentException("maxTerms must be positive: " + maxTerms);
        this.maxTerms = maxTerms;
    }

    /** The term for a word, created when there is room; null once the vocabulary is full. */
    Term term(String word) {
        Term t = terms.get(word);
        if (t != null || terms.size() >= maxTerms) return t;
        return terms.computeIfAbsent(word, w -> new Term(nextId.getAndIncrement(), w));
    }

    /** The term for a word if it is known, without adding it. */
    Term find(String word) { return terms.get(word); }

    /** Counts one more document containing each of these (distinct) terms. */
    void observe(Term[] distinctTerms) {
        long n = docs.incrementAndGet();
        for (Term t : distinctTerms) t.df.incrementAndGet();
        // New idf values every 1% growth of the stream (every document while it is small): idf
        // barely moves between, and recomputing logarithms per comparison was the clusterer's hot spot.
        if (n >= 1000 ? n >= epochDocs * 1.01 : n != epochDocs) {
            synchronized (this) {
                epochDocs = n;
                epoch++;
            }
        }
    }

    long documents() { return docs.get(); }

    int size() { return terms.size(); }

    /** Changes whenever idf values may have changed; for caches of values derived from idf. */
    long epoch() { return epoch; }

    /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1, never below 1. */
    double idf(Term t) {
        long e = epoch;
        if (t.idfEpoch == e) return t.idf;
        double v = Math.log((epochDocs + 1.0) / (Math.min(t.df.get(), epochDocs) + 1.0)) + 1.0;
        t.idf = v;
        t.idfEpoch = e;
        return v;
    }
}
