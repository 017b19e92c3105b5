package org.pelita.lrs.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes and checks credential secrets with bcrypt (Spring Security Crypto): salted and deliberately slow,
 * so a copy of the database does not give the secrets away.
 */
public final class SecretHasher {
    private final BCryptPasswordEncoder bcrypt;

    public SecretHasher() {
        this(11);
    }

    /** @param strength bcrypt's log2 work factor (tests use a low one to run fast) */
    public SecretHasher(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
    }

    public String hash(String secret) {
        return bcrypt.encode(secret);
    }

    public boolean matches(String secret, String hash) {
        return bcrypt.matches(secret, hash);
    }
}
