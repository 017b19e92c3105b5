package org.pelita.lrs.xapi.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SHA-2 digests written as hex, as in the "sha2" property and the X-Experience-API-Hash header. The algorithm follows
 * from the length: the spec asks for "the SHA-2 hash" (1.0.3 Data §2.4.11 table, row sha2) and recommends SHA-256,
 * SHA-384 or SHA-512 (Communication §1.5.2.s4.b4), so those three and SHA-224 are recognised. (SHA-512/256 has the
 * same length as SHA-256 and is read as SHA-256.)
 */
public final class Sha2 {
    private Sha2() {
    }

    /** The digest algorithm whose hex form has this many characters, if the text is hex of a SHA-2 length. */
    static Optional<String> algorithmFor(String hex) {
        if (hex == null || !isHex(hex)) {
            return Optional.empty();
        }
        return switch (hex.length()) {
            case 56 -> Optional.of("SHA-224");
            case 64 -> Optional.of("SHA-256");
            case 96 -> Optional.of("SHA-384");
            case 128 -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }

    /** A SHA-256 digest to feed as content arrives. */
    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    /** Lower-case hex of the content's SHA-256 (also the published packages' hashes, as release.json gives them). */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(content));
    }

    static boolean isHex(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
