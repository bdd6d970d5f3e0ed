package org.sitrep.http;

import java.time.Duration;
import java.util.List;

/**
 * Who may do what, and the limits on clients. Defaults work on a laptop: reads public, report
 * submissions open until the first account or key is created, no CORS, generous rate limits.
 *
 * @param publicRead     reads (events, reports, exports, feeds, stream) need no login; off: a viewer role at least
 * @param submissions    who may POST /api/reports: OPEN (anyone), AUTO (anyone while the install has no account
 *                       and no key, then analysts and push keys), KEYS (analysts and push keys only)
 * @param corsOrigins    origins allowed to call the API from a browser ("*" for any; credentials are never allowed cross-origin)
 * @param perAddress     rate limit for requests without a key or session, per client address
 * @param perPrincipal   rate limit per API key or logged-in user
 * @param logins         rate limit on login attempts per client address
 * @param secureCookies  null: Secure when the request came over https (or X-Forwarded-Proto: https with trustProxy)
 * @param trustProxy     take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto
 * @param alerts         alert evaluation and webhook delivery
 */
public record ApiConfig(boolean publicRead, Submissions submissions, List<String> corsOrigins, RateLimit perAddress,
                        RateLimit perPrincipal, RateLimit logins, Boolean secureCookies, boolean trustProxy, Duration sessionTtl,
                        org.sitrep.alert.AlertConfig alerts) {
    public enum Submissions { OPEN, AUTO, KEYS }

    /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    public record RateLimit(double perSecond, int burst) {
        public static final RateLimit NONE = new RateLimit(0, 0);

        public boolean enabled() { return perSecond > 0 && burst > 0; }
    }

    public ApiConfig {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        if (sessionTtl == null) sessionTtl = Duration.ofHours(12);
        if (alerts == null) alerts = org.sitrep.alert.AlertConfig.DEFAULT;
    }

    public static final ApiConfig DEFAULT = new ApiConfig(true, Submissions.AUTO, List.of(), new RateLimit(50, 200),
            new RateLimit(100, 400), new RateLimit(1.0 / 3, 20), null, false, Duration.ofHours(12), null);

    public ApiConfig withPublicRead(boolean p) {
        return new ApiConfig(p, submissions, corsOrigins, perAddress, perPrincipal, logins, secureCookies, trustProxy, sessionTtl, alerts);
    }

    public ApiConfig withSubmissions(Submissions s) {
        return new ApiConfig(publicRead, s, corsOrigins, perAddress, perPrincipal, logins, secureCookies, trustProxy, sessionTtl, alerts);
    }

    public ApiConfig withCors(List<String> origins) {
        return new ApiConfig(publicRead, submissions, origins, perAddress, perPrincipal, logins, secureCookies, trustProxy, sessionTtl, alerts);
    }

    public ApiConfig withRateLimits(RateLimit address, RateLimit principal, RateLimit login) {
        return new ApiConfig(publicRead, submissions, corsOrigins, address, principal, login, secureCookies, trustProxy, sessionTtl, alerts);
    }

    public ApiConfig withAlerts(org.sitrep.alert.AlertConfig a) {
        return new ApiConfig(publicRead, submissions, corsOrigins, perAddress, perPrincipal, logins, secureCookies, trustProxy, sessionTtl, a);
    }

    public ApiConfig withProxy(boolean trust, Boolean secure) {
        return new ApiConfig(publicRead, submissions, corsOrigins, perAddress, perPrincipal, logins, secure, trust, sessionTtl, alerts);
    }
}
