package org.sitrep.cluster;

import java.util.Set;

/**
 * Function words of the languages Sitrep's sources mostly write in (English, French, Spanish,
 * German, Russian, Ukrainian, Arabic), left out of the term vectors. Online inverse document
 * frequency would discount them too, but only after it has seen enough reports; this list makes the
 * first hour of a fresh deployment behave. Written for the project, not copied from a corpus.
 */
final class Stopwords {
    private Stopwords() {}

    private static final Set<String> WORDS = Set.copyOf(java.util.List.of(
            // English
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
            "would", "could", "should", "may", "might", "can", "shall", "must", "it", "its", "this", "that",
            "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my",
            "him", "them", "us", "me", "who", "whom", "which", "what", "when", "where", "why", "how", "not", "no",
            "than", "then", "there", "here", "so", "if", "into", "about", "after", "before", "over", "under",
            "up", "down", "out", "also", "just", "more", "most", "some", "any", "all", "such", "only", "other",
            "said", "says", "say", "told", "according", "new", "one", "two", "s", "t", "mr", "ms", "mrs",
            "while", "during", "between", "against", "through", "because", "since", "until", "very", "now",
            "would", "been", "per", "via", "de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "est",
            "dans", "pour", "par", "sur", "au", "aux", "qui", "que", "el", "los", "las", "y", "del", "con",
            "por", "para", "una", "der", "die", "das", "und", "den", "im", "mit", "von", "zu", "ist",
            // Russian, Ukrainian
            "и", "в", "во", "на", "с", "со", "по", "к", "о", "об", "от", "из", "за", "для", "не", "что", "как",
            "это", "был", "была", "были", "было", "он", "она", "они", "его", "ее", "их", "также", "а", "но",
            "у", "же", "при", "до", "после", "і", "й", "та", "з", "із", "що", "як", "це", "був", "була",
            "було", "були", "від", "для", "під", "про", "також", "який", "яка", "які",
            // Arabic (after diacritics are dropped)
            "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "هذا", "هذه", "التي", "الذي",
            "كان", "كانت", "قد", "لا", "ما", "و", "أو", "او", "ثم", "بعد", "قبل", "حيث", "وقال", "قال"));

    static boolean contains(String lowerCaseWord) { return WORDS.contains(lowerCaseWord); }
}
