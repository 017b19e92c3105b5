package org.pelita.lrs.xapi.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The files under src/test/resources/attachment/, read as exact bytes. */
final class Fixtures {
    /** The boundary of the suite's multipart requests, used by the fixtures. */
    static final String SUITE_BOUNDARY = "-------314159265358979323846";
    static final String SUITE_CONTENT_TYPE = "multipart/mixed; boundary=" + SUITE_BOUNDARY;
    /** The suite's attachments/simple_text1.txt, "here is a simple attachment". */
    static final String SIMPLE_TEXT1_SHA2 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";
    /** simple_text2.txt, "here is another simple attachment". */
    static final String SIMPLE_TEXT2_SHA2 = sha256("here is another simple attachment");
    /** simple_text3.txt, "here is a third attachment". */
    static final String SIMPLE_TEXT3_SHA2 = sha256("here is a third attachment");

    private Fixtures() {
    }

    static String sha256(String text) {
        return Sha2.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/attachment/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a fixture with the suite's Content-Type and a generous limit. */
    static MultipartRequest read(String name) {
        return MultipartReader.read(new ByteArrayInputStream(bytes(name)), SUITE_CONTENT_TYPE, 1 << 20);
    }
}
