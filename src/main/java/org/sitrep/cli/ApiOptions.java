package org.sitrep.cli;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.http.ApiConfig;
import picocli.CommandLine.Option;

/** Access and client limits of the HTTP API; shared by serve and demo. */
final class ApiOptions {
    @Option(names = "--private", description = "Reads need a login or key too (default: reads are public, writes need a role).")
    boolean privateRead;

    @Option(names = "--submissions", paramLabel = "MODE", defaultValue = "${env:SITREP_SUBMISSIONS:-auto}",
            description = {"Who may POST /api/reports: open (anyone), keys (push keys and analysts), or auto (default):",
                    "open while no account or key exists, then keys."})
    String submissions;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "Origins allowed to call the API from a browser, e.g. https://desk.example.org ('*' for any). Default: none.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Requests per second per client address (burst 4x); API keys and users get twice that. 0 turns limits off. Default: ${DEFAULT-VALUE}.")
    double rateLimit;

    @Option(names = "--trust-proxy", description = "Behind a reverse proxy: take the client address and https from X-Forwarded-For / X-Forwarded-Proto.")
    boolean trustProxy;

    ApiConfig config() {
        ApiConfig.Submissions mode;
        try {
            mode = ApiConfig.Submissions.valueOf(submissions.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("--submissions must be open, keys or auto (got '" + submissions + "')");
        }
        if (rateLimit < 0) throw new UserException("--rate-limit must be 0 or more");
        ApiConfig.RateLimit address = rateLimit == 0 ? ApiConfig.RateLimit.NONE : new ApiConfig.RateLimit(rateLimit, (int) Math.max(1, rateLimit * 4));
        ApiConfig.RateLimit principal = rateLimit == 0 ? ApiConfig.RateLimit.NONE : new ApiConfig.RateLimit(rateLimit * 2, (int) Math.max(1, rateLimit * 8));
        return ApiConfig.DEFAULT.withPublicRead(!privateRead).withSubmissions(mode).withCors(corsOrigins)
                .withRateLimits(address, principal, ApiConfig.DEFAULT.logins()).withProxy(trustProxy, null);
    }
}
