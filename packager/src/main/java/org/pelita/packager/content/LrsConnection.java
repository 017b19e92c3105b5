package org.pelita.packager.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An LRS named at build time (SCORM 1.2 with xAPI, the web target): its xAPI endpoint, the package's write-only key,
 * and the key of the pseudonyms (HMAC-SHA-256) the runtime makes from the learner's identifier. All three end up in
 * the package's files, where anyone with the package can read them (docs/xapi-profile.md says what that means).
 *
 * @param endpoint     the LRS's xAPI base, with its final '/'
 * @param key          the credential's key
 * @param secret       the credential's secret
 * @param pseudonymKey the HMAC key of actor names and registrations
 */
public record LrsConnection(String endpoint, String key, String secret, String pseudonymKey) {
    public LrsConnection {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(key);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(pseudonymKey);
    }

    /**
     * Checks and normalises what an author gives: an absolute http(s) URL, https unless the LRS is on this computer
     * (the key and the records would otherwise travel in clear), a final '/' added.
     *
     * @throws IllegalArgumentException with a message for the author
     */
    public static LrsConnection of(String endpoint, String keyAndSecret, String pseudonymKey) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (Exception e) {
            throw new IllegalArgumentException("the LRS endpoint must be a URL such as https://lrs.example.org/xapi/, not '" + endpoint + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the LRS endpoint must be an http(s) URL without query, fragment or user,"
                    + " such as https://lrs.example.org/xapi/, not '" + endpoint + "'");
        }
        if (scheme.equals("http") && !isLocal(uri.getHost())) {
            throw new IllegalArgumentException("the LRS endpoint must use https (plain http only for 127.0.0.1 or localhost):"
                    + " the package's key and the learners' records would travel in clear");
        }
        int colon = keyAndSecret == null ? -1 : keyAndSecret.indexOf(':');
        if (colon <= 0 || colon == keyAndSecret.length() - 1) {
            throw new IllegalArgumentException("the LRS key must be given as KEY:SECRET (a write-only credential of the LRS)");
        }
        if (pseudonymKey == null || pseudonymKey.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 characters (keep the same one for every"
                    + " build of a study: it is what links a learner's statements)");
        }
        String normalised = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        return new LrsConnection(normalised, keyAndSecret.substring(0, colon), keyAndSecret.substring(colon + 1), pseudonymKey);
    }

    private static boolean isLocal(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    /** scheme://host[:port], as the Content-Security-Policy's connect-src names it. */
    public String origin() {
        URI uri = URI.create(endpoint);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The Authorization header the runtime sends. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** What the runtime data carries (the "lrs" member). */
    Map<String, Object> runtimeData() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("endpoint", endpoint);
        map.put("auth", authorization());
        map.put("pseudonymKey", pseudonymKey);
        return map;
    }

    @Override
    public String toString() {
        return "LrsConnection[" + endpoint + ", key " + key + "]";
    }
}
