package org.sitrep.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;

/**
 * An alert subscription: which events count (area, types, actors) and how many of them within
 * {@code radiusKm} and {@code windowMinutes} make an alert ("five or more air/drone strikes within
 * 25 km in one hour": types [Air/drone strike], minCount 5, radiusKm 25, windowMinutes 60). With
 * minCount 1 every matching event alerts. Immutable.
 *
 * @param types      event types or sub-types (either matches); empty: all
 * @param actors     actor names, matched case-insensitively as substrings of the event's actors; empty: all
 * @param webhookUrl where alerts are POSTed, signed with {@code webhookSecret}; null: SSE and the alert list only
 */
public record Subscription(String id, String name, String owner, Area area, Set<String> types, Set<String> actors,
                           int minCount, double radiusKm, int windowMinutes, String webhookUrl, String webhookSecret, Instant createdAt) {
    public Subscription {
        types = types == null ? Set.of() : Set.copyOf(types);
        actors = actors == null ? Set.of() : actors.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (minCount < 1 || minCount > 10_000) throw new IllegalArgumentException("minCount must be 1 to 10000");
        if (!(radiusKm > 0 && radiusKm <= 2000)) throw new IllegalArgumentException("radiusKm must be more than 0 and at most 2000");
        if (windowMinutes < 1 || windowMinutes > 60 * 24 * 31) throw new IllegalArgumentException("windowMinutes must be 1 to 44640 (31 days)");
    }

    /** Whether one event counts for this subscription (before the threshold). */
    public boolean matches(Event e) {
        if (area != null && (!e.located() || !area.contains(e.location().point()))) return false;
        if (!types.isEmpty() && !types.contains(e.type()) && (e.subType() == null || !types.contains(e.subType()))) return false;
        if (!actors.isEmpty()) {
            boolean any = false;
            for (Actor a : e.actors()) {
                String n = a.name().toLowerCase(Locale.ROOT);
                for (String want : actors) if (n.contains(want)) { any = true; break; }
                if (any) break;
            }
            if (!any) return false;
        }
        return true;
    }

    /** As listed to clients: the secret is never shown again after creation. */
    public Subscription redacted() {
        return new Subscription(id, name, owner, area, types, actors, minCount, radiusKm, windowMinutes, webhookUrl,
                webhookSecret == null ? null : "(hidden)", createdAt);
    }
}
