package org.pelita.packager.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonyms of docs/xapi-profile.md ("Actor and registration"), computed here independently of the runtime's
 * pseudonym.js, so that browser tests can tell which account and registration the LRS must hold.
 */
public final class Pseudonyms {
    private final byte[] key;

    public Pseudonyms(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The account name for a learner id (an LMS student id, or a web code) of a target ("scorm12", "web") at an origin. */
    public String accountName(String target, String origin, String learnerId) throws GeneralSecurityException {
        return hmac("pelita:" + target + ":" + origin + "\n" + learnerId);
    }

    /** The registration of that account in a module version: a UUID version 8 made of the HMAC's first 122 bits. */
    public String registration(String accountName, String moduleIri, String version) throws GeneralSecurityException {
        String h = hmac("pelita:registration:" + accountName + "\n" + moduleIri + "\n" + version);
        String v8 = h.substring(0, 12) + "8" + h.substring(13, 16)
                + Integer.toHexString((Integer.parseInt(h.substring(16, 17), 16) & 3) | 8) + h.substring(17, 32);
        return v8.substring(0, 8) + "-" + v8.substring(8, 12) + "-" + v8.substring(12, 16) + "-" + v8.substring(16, 20)
                + "-" + v8.substring(20, 32);
    }

    private String hmac(String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
