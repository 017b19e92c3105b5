package org.pelita.lrs.xapi.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * RSA key pairs and X.509 certificates made in the test: the JDK has no public API that issues certificates, so the
 * DER of a version 1 certificate is built here and signed with SHA256withRSA. Nothing is read from or written to disk.
 */
public final class TestCertificates {
    private static final byte[] SHA256_WITH_RSA = oid(1, 2, 840, 113549, 1, 1, 11);
    private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private TestCertificates() {
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate selfSigned(KeyPair keys, String commonName) {
        return issue(keys.getPublic(), commonName, keys.getPrivate(), commonName);
    }

    /** A certificate for {@code subjectKey}, signed by {@code issuerKey}. */
    public static X509Certificate issue(PublicKey subjectKey, String subject, PrivateKey issuerKey, String issuer) {
        try {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] algorithm = sequence(SHA256_WITH_RSA, new byte[] {0x05, 0x00});
            byte[] tbs = sequence(
                    integer(BigInteger.valueOf(System.nanoTime() & Long.MAX_VALUE)),
                    algorithm,
                    name(issuer),
                    sequence(utcTime(now.minusDays(1)), utcTime(now.plusYears(1))),
                    name(subject),
                    subjectKey.getEncoded());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(issuerKey);
            signature.update(tbs);
            byte[] der = sequence(tbs, algorithm, bitString(signature.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] name(String commonName) {
        byte[] value = tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8));
        return sequence(tlv(0x31, sequence(COMMON_NAME, value)));
    }

    private static byte[] utcTime(ZonedDateTime time) {
        return tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int shift = 28;
            while (shift > 0 && (arc >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((arc >>> shift) & 0x7f));
            }
            out.write(arc & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... items) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] item : items) {
            content.writeBytes(item);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
