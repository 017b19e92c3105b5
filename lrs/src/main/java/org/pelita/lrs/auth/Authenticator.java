package org.pelita.lrs.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.store.StoredCredential;
import org.pelita.lrs.xapi.Agents;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.UnauthorizedException;

/**
 * HTTP Basic authentication against stored credentials. bcrypt is slow on purpose, so a successful check is
 * remembered for a short while (by a SHA-256 of the secret, never the secret itself): a revoked key stops
 * working within {@link #RECHECK_AFTER}.
 */
public final class Authenticator {
    public static final Duration RECHECK_AFTER = Duration.ofSeconds(10);

    private record Verified(byte[] secretDigest, String secretHash, Principal principal, Instant until) {
    }

    private final CredentialStore credentials;
    private final SecretHasher hasher;
    private final String authorityHomePage;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Authenticator(CredentialStore credentials, SecretHasher hasher, String authorityHomePage, Clock clock) {
        this.credentials = credentials;
        this.hasher = hasher;
        this.authorityHomePage = authorityHomePage;
        this.clock = clock;
    }

    /** The caller of a request with this Authorization header; 401 for a missing, malformed or wrong one. */
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new UnauthorizedException("this resource needs HTTP Basic authentication (Authorization: Basic ...)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("the Authorization header is not valid Basic credentials (base64 of key:secret)");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new UnauthorizedException("the Authorization header is not valid Basic credentials (key:secret)");
        }
        String key = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        byte[] digest = sha256(secret);
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.secretDigest(), digest)) {
            return known.principal();
        }
        Optional<StoredCredential> credential = credentials.byKey(key).filter(c -> c.revoked().isEmpty());
        if (credential.isEmpty()) {
            verified.remove(key);
            throw new UnauthorizedException("unknown or revoked credentials");
        }
        boolean sameAsBefore = known != null && MessageDigest.isEqual(known.secretDigest(), digest)
                && known.secretHash().equals(credential.get().secretHash());
        if (!sameAsBefore && !hasher.matches(secret, credential.get().secretHash())) {
            throw new UnauthorizedException("unknown or revoked credentials");
        }
        Principal principal = principal(credential.get());
        verified.put(key, new Verified(digest, credential.get().secretHash(), principal, now.plus(RECHECK_AFTER)));
        return principal;
    }

    Principal principal(StoredCredential credential) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String text : credential.scopes().trim().split("\\s+")) {
            Scope.parse(text).ifPresent(scopes::add);
        }
        ObjectNode authority = Json.MAPPER.createObjectNode();
        authority.put("objectType", "Agent");
        credential.label().ifPresent(label -> authority.put("name", label));
        ObjectNode account = authority.putObject("account");
        account.put("homePage", authorityHomePage);
        account.put("name", credential.key());
        return new Principal(credential.key(), scopes, credential.activityPrefix(), authority,
                Agents.identifier(authority).orElseThrow());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
