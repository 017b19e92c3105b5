package org.pelita.lrs.xapi.attachment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.UnprotectedHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertChainUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The JWS of a signature attachment (RFC 7515), parsed and checked as xAPI asks (1.0.3 Data §2.6.s4 and s5): an RSA
 * algorithm, and, when the header carries an x5c certificate chain, a signature that verifies with the first
 * certificate's key. Without x5c there is no key to verify with; the spec leaves authentication of the signer out of
 * scope (§2.6.s5 note).
 */
final class JwsSignature {
    /** Data §2.6.s4.b4 (XAPI-00117). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    /** Three base64url segments; none may be empty, since the payload is the statement. */
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** One signature over the payload: its header, its x5c (from either header), and a way to verify it. */
    private record Signer(JWSHeader header, List<Base64> x5c, Verification verification) {
    }

    @FunctionalInterface
    private interface Verification {
        boolean verify(JWSVerifier verifier) throws JOSEException;
    }

    private final byte[] payload;
    private final List<Signer> signers;

    private JwsSignature(byte[] payload, List<Signer> signers) {
        this.payload = payload;
        this.signers = signers;
    }

    /** The signed serialization of the statement. */
    byte[] payload() {
        return payload;
    }

    /**
     * Parses the attachment data as a JWS. The Compact Serialization is what the spec asks for; 1.0.3 only
     * discourages the JSON Serialization (§2.6.s4.b2, a SHOULD* that "cannot be a MUST within this version"), so it is
     * read too; 2.0.0 (IEEE 9274.1.1) requires the Compact Serialization.
     */
    static JwsSignature parse(byte[] data, XapiVersion version, String at) {
        // Bytes outside ASCII become U+FFFD and fail the checks below, as they should.
        String text = new String(data, StandardCharsets.US_ASCII).strip();
        if (text.startsWith("{")) {
            if (version.atLeast2()) {
                throw new InvalidRequestException(at, "the signature is a JWS JSON Serialization; xAPI 2.0.0 requires"
                        + " the JWS Compact Serialization");
            }
            return parseJson(text, at);
        }
        if (!COMPACT.matcher(text).matches() || hasImpossibleLength(text)) {
            throw new InvalidRequestException(at, "the signature is not a JWS Compact Serialization (three base64url"
                    + " segments separated by dots)");
        }
        try {
            JWSObject jws = JWSObject.parse(text);
            Signer signer = new Signer(jws.getHeader(), jws.getHeader().getX509CertChain(), jws::verify);
            return new JwsSignature(jws.getPayload().toBytes(), List.of(signer));
        } catch (ParseException e) {
            throw new InvalidRequestException(at, "the signature's JWS header is not valid: " + e.getMessage());
        }
    }

    private static JwsSignature parseJson(String text, String at) {
        try {
            JWSObjectJSON jws = JWSObjectJSON.parse(text);
            List<Signer> signers = new ArrayList<>();
            for (JWSObjectJSON.Signature signature : jws.getSignatures()) {
                List<Base64> x5c = signature.getHeader().getX509CertChain();
                UnprotectedHeader unprotected = signature.getUnprotectedHeader();
                if (x5c == null && unprotected != null && unprotected.getParam("x5c") instanceof List<?> list) {
                    x5c = X509CertChainUtils.toBase64List(new ArrayList<>(list));
                }
                signers.add(new Signer(signature.getHeader(), x5c, signature::verify));
            }
            if (signers.isEmpty()) {
                throw new InvalidRequestException(at, "the JWS JSON Serialization holds no signature");
            }
            return new JwsSignature(jws.getPayload().toBytes(), signers);
        } catch (ParseException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw new InvalidRequestException(at, "the signature is not a valid JWS JSON Serialization: "
                    + e.getMessage());
        }
    }

    /** A base64url segment of length 1 modulo 4 cannot be decoded. */
    private static boolean hasImpossibleLength(String compact) {
        for (String segment : compact.split("\\.")) {
            if (segment.length() % 4 == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Data §2.6.s4.b4: RS256, RS384 or RS512 (XAPI-00117); §2.6.s5.b3.b3: a signature that verifies with the x5c
     * certificate when there is one. RFC 7515 §4.1.6 puts the signer's certificate first, each one certified by the
     * next; that chain is checked too, but not its dates or trust: the check "is intended as a way to catch mistakes
     * in the signature, not as a security measure" (§2.6.s5 note), and an old statement keeps an expired certificate.
     */
    void check(String at) {
        for (Signer signer : signers) {
            JWSAlgorithm algorithm = signer.header().getAlgorithm();
            if (!ALGORITHMS.contains(algorithm)) {
                throw new InvalidRequestException(at, "the JWS algorithm is " + algorithm + "; signed statements must"
                        + " use RS256, RS384 or RS512");
            }
            Set<String> critical = signer.header().getCriticalParams();
            if (critical != null && !critical.isEmpty()) {
                // RFC 7515 §4.1.11: critical parameters that are not understood make the JWS invalid.
                throw new InvalidRequestException(at, "the JWS header marks " + critical + " as critical, which this"
                        + " LRS does not process");
            }
            if (signer.x5c() != null && !signer.x5c().isEmpty()) {
                checkAgainstCertificates(signer, at);
            }
        }
    }

    private static void checkAgainstCertificates(Signer signer, String at) {
        List<X509Certificate> chain;
        try {
            chain = X509CertChainUtils.parse(signer.x5c());
        } catch (ParseException e) {
            chain = null;
        }
        if (chain == null || chain.isEmpty() || chain.contains(null)) {
            throw new InvalidRequestException(at, "the JWS header's x5c holds something that is not an X.509"
                    + " certificate");
        }
        PublicKey key = chain.get(0).getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new InvalidRequestException(at, "the first x5c certificate has a " + key.getAlgorithm() + " key; the"
                    + " signature's algorithm needs an RSA key");
        }
        boolean verified;
        try {
            verified = signer.verification().verify(new RSASSAVerifier(rsa));
        } catch (JOSEException e) {
            verified = false;
        }
        if (!verified) {
            throw new InvalidRequestException(at, "the JWS signature does not verify with the key of the first"
                    + " certificate in the header's x5c");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new InvalidRequestException(at, "x5c certificate " + (i + 1) + " is not signed by certificate "
                        + (i + 2) + "; x5c must list the signer's certificate first and then each issuer in turn");
            }
        }
    }
}
