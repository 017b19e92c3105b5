package org.pelita.lrs.xapi.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT1_SHA2;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT2_SHA2;
import static org.pelita.lrs.xapi.attachment.Fixtures.SUITE_BOUNDARY;
import static org.pelita.lrs.xapi.attachment.Fixtures.SUITE_CONTENT_TYPE;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.PayloadTooLargeException;

class MultipartReaderTest {
    private static final byte[] TEXT1 = "here is a simple attachment".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT2 = "here is another simple attachment".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsTheStatementPartAndOneAttachmentAsTheSuiteSendsThem() {
        MultipartRequest request = Fixtures.read("one-attachment.multipart");

        assertThat(Json.parse(request.statementJson(), "statement").at("/attachments/0/sha2").asText())
                .isEqualTo(SIMPLE_TEXT1_SHA2);
        assertThat(request.parts()).containsExactly(new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain", TEXT1));
    }

    @Test
    void keepsSeveralAttachmentPartsInTheOrderTheyCame() {
        MultipartRequest request = Fixtures.read("two-attachments.multipart");

        assertThat(request.parts()).containsExactly(
                new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain", TEXT1),
                new AttachmentPart(SIMPLE_TEXT2_SHA2, "text/plain", TEXT2));
    }

    @Test
    void acceptsBareLfLineEnds() {
        MultipartRequest lf = Fixtures.read("lf-only.multipart");

        assertThat(lf.parts()).containsExactly(
                new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain", TEXT1),
                new AttachmentPart(SIMPLE_TEXT2_SHA2, "text/plain", TEXT2));
        assertThat(lf.statementJson()).isEqualTo(Fixtures.read("two-attachments.multipart").statementJson());
    }

    @Test
    void acceptsALineEndBeforeTheFirstBoundaryHeadersWithoutSpaceAndNoLineEndAfterTheClosingBoundary() {
        // helper.signStatement in the suite writes its bodies this way.
        MultipartRequest request = Fixtures.read("leading-crlf-no-final-crlf.multipart");

        byte[] jws = "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl".getBytes(StandardCharsets.US_ASCII);
        assertThat(request.parts()).containsExactly(
                new AttachmentPart(Sha2.sha256Hex(jws), "application/octet-stream", jws));
        assertThat(Json.parse(request.statementJson(), "statement").at("/actor/mbox").asText())
                .isEqualTo("mailto:xapi@adlnet.gov");
    }

    @Test
    void readsTheSpecExampleWithAQuotedBoundaryOfUnusualCharacters() {
        // Communication §1.5.2.s6: boundary="abcABC0123'()+_,-./:=?", a blank line before the first boundary.
        byte[] body = Fixtures.bytes("spec-example.multipart");

        MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body),
                "multipart/mixed; boundary=\"abcABC0123'()+_,-./:=?\"", body.length);

        assertThat(request.parts()).containsExactly(new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain", TEXT1));
        assertThat(Json.parse(request.statementJson(), "statement").at("/verb/id").asText())
                .isEqualTo("http://adlnet.gov/expapi/verbs/answered");
    }

    @Test
    void acceptsAStatementPartWithNoAttachmentParts() {
        MultipartRequest request = Fixtures.read("no-attachments.multipart");

        assertThat(request.parts()).isEmpty();
        assertThat(Json.parse(request.statementJson(), "statement").has("attachments")).isFalse();
    }

    @Test
    void acceptsSha384AndSha512HashesAndComparesThemWithoutRegardToCase() throws Exception {
        String sha384 = hex("SHA-384", TEXT1).toUpperCase();
        String sha512 = hex("SHA-512", TEXT2);
        byte[] body = crlf("--b", "Content-Type: application/json", "", "{}",
                "--b", "Content-Type: text/plain", "Content-Transfer-Encoding: binary", "X-Experience-API-Hash: " + sha384,
                "", "here is a simple attachment",
                "--b", "Content-Type: text/plain", "Content-Transfer-Encoding: BINARY", "x-experience-api-hash: " + sha512,
                "", "here is another simple attachment",
                "--b--", "");

        MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body), "multipart/mixed; boundary=b", 10_000);

        assertThat(request.parts()).extracting(AttachmentPart::sha2).containsExactly(sha384.toLowerCase(), sha512);
    }

    @Test
    void keepsAPartWhoseTypeIsMultipartAsOpaqueData() {
        String nested = "--inner\r\nContent-Type: text/plain\r\n\r\nx\r\n--inner--";
        byte[] body = crlf("--b", "Content-Type: application/json", "", "{}",
                "--b", "Content-Type: multipart/mixed; boundary=inner", "Content-Transfer-Encoding: binary",
                "X-Experience-API-Hash: " + Sha2.sha256Hex(nested.getBytes(StandardCharsets.US_ASCII)), "", nested,
                "--b--", "");

        MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body), "multipart/mixed; boundary=b", 10_000);

        assertThat(new String(request.parts().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo(nested);
    }

    @Test
    void rejectsAnAttachmentPartWithoutHash() {
        // XAPI-00132
        assertRejected("missing-hash.multipart", "part 2 of the multipart body has no X-Experience-API-Hash header");
    }

    @Test
    void rejectsAHashThatIsNotTheDigestOfThePartsContent() {
        // XAPI-00132: the suite sends a hash that is not the SHA-256 of the data.
        assertRejected("wrong-hash.multipart", "has X-Experience-API-Hash b018994f8bbe0f08992a65c48c8c8c56f09e9baceaa6227ed85c90ae52b73c89"
                + " but the SHA-256 of its 27 bytes is " + SIMPLE_TEXT1_SHA2);
    }

    @Test
    void rejectsAHashThatIsNotTheHexOfAnySha2Digest() {
        byte[] body = crlf("--b", "Content-Type: application/json", "", "{}",
                "--b", "Content-Type: text/plain", "Content-Transfer-Encoding: binary", "X-Experience-API-Hash: abc123",
                "", "x", "--b--");

        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(body), "multipart/mixed; boundary=b", 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"abc123\", which is not the hex of a SHA-2 digest");
    }

    @Test
    void rejectsAnAttachmentPartWhoseTransferEncodingIsNotBinary() {
        // XAPI-00135
        assertRejected("base64-encoding.multipart", "part 2 of the multipart body has Content-Transfer-Encoding base64;"
                + " attachment parts must have Content-Transfer-Encoding: binary");
    }

    @Test
    void rejectsAnAttachmentPartWithoutTransferEncoding() {
        // Communication §1.5.2.s2.b2.b4; XAPI-00135 asks for the header "with a value of binary".
        assertRejected("no-transfer-encoding.multipart", "part 2 of the multipart body has no Content-Transfer-Encoding");
    }

    @Test
    void rejectsAnAttachmentPartWithoutContentType() {
        assertRejected("no-part-content-type.multipart", "part 2 of the multipart body has no Content-Type");
    }

    @Test
    void rejectsAFirstPartThatIsNotApplicationJson() {
        // XAPI-00134
        assertRejected("first-part-text-plain.multipart", "part 1 of the multipart body has Content-Type text/plain");
    }

    @Test
    void rejectsStatementsSplitOverTwoParts() {
        // XAPI-00133: the second JSON part is not an attachment part.
        assertRejected("statements-in-two-parts.multipart", "part 2 of the multipart body has no X-Experience-API-Hash");
    }

    @Test
    void rejectsABodyWithoutItsOpeningBoundary() {
        // XAPI-00131: what comes before the first boundary is preamble, so the first part is the text attachment.
        assertRejected("no-opening-boundary.multipart", "part 1 of the multipart body has Content-Type text/plain");
    }

    @Test
    void rejectsABodyWithoutItsClosingBoundary() {
        assertRejected("no-closing-boundary.multipart", "the multipart/mixed body is malformed");
    }

    @Test
    void rejectsABodyWithNoBoundaryAtAll() {
        byte[] json = "{\"actor\":{}}".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(json), SUITE_CONTENT_TYPE, 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the multipart/mixed body is malformed");
    }

    @Test
    void rejectsAHeaderLineWithoutColon() {
        byte[] body = crlf("--b", "Content-Type: application/json", "not a header", "", "{}", "--b--");

        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(body), "multipart/mixed; boundary=b", 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void rejectsAHeaderGivenTwiceInOnePart() {
        byte[] body = crlf("--b", "Content-Type: application/json", "", "{}",
                "--b", "Content-Type: text/plain", "Content-Transfer-Encoding: binary",
                "X-Experience-API-Hash: " + SIMPLE_TEXT1_SHA2, "X-Experience-API-Hash: " + SIMPLE_TEXT2_SHA2,
                "", "here is a simple attachment", "--b--");

        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(body), "multipart/mixed; boundary=b", 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("part 2 of the multipart body has 2 X-Experience-API-Hash headers");
    }

    @Test
    void rejectsAContentTypeOtherThanMultipartMixed() {
        // XAPI-00127: the suite sends multipart/form-data.
        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(Fixtures.bytes("one-attachment.multipart")),
                "multipart/form-data; boundary=" + SUITE_BOUNDARY, 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Content-Type is multipart/form-data; statements with attachments are sent as multipart/mixed");
    }

    @Test
    void rejectsAContentTypeWithoutBoundary() {
        // The suite's "should fail if boundary not provided in header" sends "multipart/mixed;".
        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(Fixtures.bytes("one-attachment.multipart")),
                "multipart/mixed;", 10_000))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Content-Type multipart/mixed has no boundary parameter");
    }

    @Test
    void rejectsABoundaryRfc2046DoesNotAllow() {
        for (String boundary : new String[] {"a".repeat(71), "semi<colon>", "ends-in-space "}) {
            assertThatThrownBy(() -> MultipartReader.read(InputStream.nullInputStream(),
                    "multipart/mixed; boundary=\"" + boundary + "\"", 10_000))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("is not valid: RFC 2046 allows 1 to 70 characters");
        }
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        byte[] body = Fixtures.bytes("one-attachment.multipart");

        MultipartRequest request = MultipartReader.read(new ByteArrayInputStream(body), SUITE_CONTENT_TYPE, body.length);

        assertThat(request.parts()).hasSize(1);
    }

    @Test
    void refusesABodyOneByteOverTheLimitWith413() {
        byte[] body = Fixtures.bytes("one-attachment.multipart");

        assertThatThrownBy(() -> MultipartReader.read(new ByteArrayInputStream(body), SUITE_CONTENT_TYPE, body.length - 1))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("the request body is larger than the limit of " + (body.length - 1) + " bytes");
    }

    @Test
    void stopsReadingJustPastTheLimitOfAnEndlessBody() {
        byte[] head = crlf("--b", "Content-Type: application/json", "", "{}",
                "--b", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: binary",
                "X-Experience-API-Hash: " + SIMPLE_TEXT1_SHA2, "", "");
        CountingEndlessBody endless = new CountingEndlessBody(head);
        long limit = 64 * 1024;

        assertThatThrownBy(() -> MultipartReader.read(endless, "multipart/mixed; boundary=b", limit))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(endless.served).isEqualTo(limit + 1);
    }

    private static void assertRejected(String fixture, String message) {
        assertThatThrownBy(() -> Fixtures.read(fixture))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }

    private static byte[] crlf(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** A body that starts with {@code head} and then never ends, counting what it gives out. */
    private static final class CountingEndlessBody extends InputStream {
        private final byte[] head;
        long served;

        CountingEndlessBody(byte[] head) {
            this.head = head;
        }

        @Override
        public int read() {
            int b = served < head.length ? head[(int) served] & 0xff : 'x';
            served++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }
}
