package org.sitrep.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and manners for every outbound fetch. The defaults suit a laptop polling a few hundred
 * public feeds. Immutable.
 *
 * @param maxBytes            largest body accepted (after gzip decompression), in bytes
 * @param totalTimeout        wall-clock budget for one fetch: every redirect hop, headers and the whole body
 * @param connectTimeout      TCP/TLS connect budget per hop
 * @param maxRedirects        redirect hops followed before giving up
 * @param allowPrivateAddresses when false (the default) loopback, private, link-local, multicast and
 *                            unspecified addresses are refused; tests and on-premises deployments turn it on
 * @param privateHostsAllowed host names exempt from the address check even when private addresses are
 *                            refused (an intranet feed server); redirects to other private hosts stay refused
 * @param perHostConcurrency  requests in flight to one host at a time
 * @param perHostDelay        minimum gap between the starts of two requests to one host (politeness)
 * @param userAgent           User-Agent header sent with every request
 */
public record FetchConfig(long maxBytes, Duration totalTimeout, Duration connectTimeout, int maxRedirects,
                          boolean allowPrivateAddresses, Set<String> privateHostsAllowed, int perHostConcurrency, Duration perHostDelay,
                          String userAgent) {
    public static final String DEFAULT_USER_AGENT = "Sitrep/0.1 (open-source situation map; feed reader)";

    public FetchConfig {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
        if (perHostConcurrency < 1) throw new IllegalArgumentException("perHostConcurrency must be >= 1: " + perHostConcurrency);
        if (userAgent == null || userAgent.isBlank()) userAgent = DEFAULT_USER_AGENT;
        privateHostsAllowed = privateHostsAllowed == null ? Set.of()
                : privateHostsAllowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** 5 MB, 30 s, 5 redirects, public addresses only, 2 requests per host at least 1 s apart. */
    public static FetchConfig defaults() {
        return new FetchConfig(5L * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10), 5,
                false, Set.of(), 2, Duration.ofSeconds(1), DEFAULT_USER_AGENT);
    }

    public FetchConfig withMaxBytes(long v) {
        return new FetchConfig(v, totalTimeout, connectTimeout, maxRedirects, allowPrivateAddresses, privateHostsAllowed, perHostConcurrency, perHostDelay, userAgent);
    }

    public FetchConfig withTotalTimeout(Duration v) {
        return new FetchConfig(maxBytes, v, connectTimeout, maxRedirects, allowPrivateAddresses, privateHostsAllowed, perHostConcurrency, perHostDelay, userAgent);
    }

    public FetchConfig withMaxRedirects(int v) {
        return new FetchConfig(maxBytes, totalTimeout, connectTimeout, v, allowPrivateAddresses, privateHostsAllowed, perHostConcurrency, perHostDelay, userAgent);
    }

    public FetchConfig withAllowPrivateAddresses(boolean v) {
        return new FetchConfig(maxBytes, totalTimeout, connectTimeout, maxRedirects, v, privateHostsAllowed, perHostConcurrency, perHostDelay, userAgent);
    }

    public FetchConfig withPrivateHostsAllowed(Set<String> hosts) {
        return new FetchConfig(maxBytes, totalTimeout, connectTimeout, maxRedirects, allowPrivateAddresses, hosts, perHostConcurrency, perHostDelay, userAgent);
    }

    public FetchConfig withPerHost(int concurrency, Duration delay) {
        return new FetchConfig(maxBytes, totalTimeout, connectTimeout, maxRedirects, allowPrivateAddresses, privateHostsAllowed, concurrency, delay, userAgent);
    }
}
