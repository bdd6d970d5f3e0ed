package org.sitrep.grade;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.Claim;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.Source;
import org.sitrep.model.Stance;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Grade;
import org.sitrep.pipeline.Grader;

/**
 * Information credibility on the Admiralty scale from independent corroboration (copies do not
 * count), contradiction and the sources' reliability grades. Thread-safe.
 *
 * <p>1 confirmed: three or more independent sources, one of them reliable (A or B), no denial.
 * 2 probably true: two or more independent sources, no denial. 3 possibly true: one source graded
 * A-C. 4 doubtful: denied by an independent source. 5 improbable: denials outnumber support.
 * 6 cannot be judged: one source of unknown reliability.
 */
public final class AdmiraltyGrader implements Grader {
    @Override
    public Grade grade(Event draft, List<EventMember> members, Map<String, Source> sources) {
        Set<String> independent = new HashSet<>();
        Set<String> supporting = new HashSet<>(), denying = new HashSet<>();
        char best = 'F';
        for (EventMember m : members) {
            String sid = m.report().report().sourceId();
            if (!m.isCopy()) independent.add(sid);
            Source s = sources.get(sid);
            char grade = s == null ? 'F' : s.reliability();
            if (!m.isCopy() && grade < best) best = grade;
            for (Claim c : m.report().claims()) {
                if (c.stance() == Stance.DENIES) denying.add(sid);
                else if (c.stance() == Stance.SUPPORTS) supporting.add(sid);
            }
        }
        int n = independent.size();
        boolean disputed = !denying.isEmpty() && !supporting.isEmpty() && !denying.equals(supporting);
        String sources_ = n + " independent source" + (n == 1 ? "" : "s");
        if (!denying.isEmpty() && denying.size() > Math.max(1, n - denying.size())) {
            return new Grade(5, EventState.DISPUTED, "5 (improbable): denials from " + denying.size()
                    + " sources outnumber the " + (n - denying.size()) + " that report it");
        }
        if (disputed || !denying.isEmpty()) {
            return new Grade(4, disputed ? EventState.DISPUTED : state(n), "4 (doubtful): " + sources_
                    + ", but denied by " + String.join(", ", denying));
        }
        if (n >= 3 && best <= 'B') {
            return new Grade(1, EventState.CORROBORATED, "1 (confirmed): " + sources_ + ", at least one graded " + best);
        }
        if (n >= 2) return new Grade(2, EventState.CORROBORATED, "2 (probably true): " + sources_ + " agree, no denial");
        if (best <= 'C') return new Grade(3, EventState.PENDING, "3 (possibly true): one source, graded " + best);
        return new Grade(6, EventState.PENDING, "6 (cannot be judged): one source of unknown reliability");
    }

    private static EventState state(int independentSources) {
        return independentSources >= 2 ? EventState.CORROBORATED : EventState.PENDING;
    }
}
