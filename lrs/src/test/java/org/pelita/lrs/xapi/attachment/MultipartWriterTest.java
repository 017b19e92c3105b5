package org.pelita.lrs.xapi.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT1_SHA2;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT2_SHA2;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.xapi.Json;

class MultipartWriterTest {
    private static final AttachmentPart TEXT1 = new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain",
            "here is a simple attachment".getBytes(StandardCharsets.US_ASCII));
    private static final AttachmentPart TEXT2 = new AttachmentPart(SIMPLE_TEXT2_SHA2, "text/plain",
            "here is another simple attachment".getBytes(StandardCharsets.US_ASCII));
    private static final String STATEMENT = """
            {"id":"9e1ec4c5-7a56-4d5b-9c1e-3b8a3c1b2f10","attachments":[{"sha2":"%s"},{"sha2":"%s"}]}"""
            .formatted(SIMPLE_TEXT1_SHA2, SIMPLE_TEXT2_SHA2);

    @Test
    void writesTheJsonPartThenEachAttachmentPartWithItsThreeHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        MultipartWriter.write(out, "b0undary", STATEMENT.getBytes(StandardCharsets.UTF_8), List.of(TEXT1, TEXT2));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
                "--b0undary",
                "Content-Type: application/json",
                "",
                STATEMENT,
                "--b0undary",
                "Content-Type: text/plain",
                "Content-Transfer-Encoding: binary",
                "X-Experience-API-Hash: " + SIMPLE_TEXT1_SHA2,
                "",
                "here is a simple attachment",
                "--b0undary",
                "Content-Type: text/plain",
                "Content-Transfer-Encoding: binary",
                "X-Experience-API-Hash: " + SIMPLE_TEXT2_SHA2,
                "",
                "here is another simple attachment",
                "--b0undary--",
                ""));
    }

    @Test
    void writesDataSharedByAttachmentsOnce() throws IOException {
        // Communication §1.5.2.s2.b2.b5
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = MultipartWriter.start(out, "b", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(writer.part(TEXT1)).isTrue();
        assertThat(writer.part(TEXT2)).isTrue();
        assertThat(writer.part(new AttachmentPart(SIMPLE_TEXT1_SHA2.toUpperCase(), "text/plain", TEXT1.content()))).isFalse();
        writer.finish();

        assertThat(occurrences(out.toString(StandardCharsets.UTF_8), SIMPLE_TEXT1_SHA2)).isEqualTo(1);
    }

    @Test
    void copiesAPartFromAStreamAsItIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = MultipartWriter.start(out, "b", "{}".getBytes(StandardCharsets.UTF_8));

        writer.part(SIMPLE_TEXT1_SHA2, "text/plain", new ByteArrayInputStream(TEXT1.content()));
        writer.finish();

        MultipartRequest back = MultipartReader.read(new ByteArrayInputStream(out.toByteArray()),
                MultipartWriter.contentType("b"), out.size());
        assertThat(back.parts()).containsExactly(TEXT1);
    }

    @Test
    void writesWhatTheReaderReadsBack() throws IOException {
        String boundary = MultipartWriter.boundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] json = STATEMENT.getBytes(StandardCharsets.UTF_8);

        MultipartWriter.write(out, boundary, json, List.of(TEXT1, TEXT2));

        MultipartRequest back = MultipartReader.read(new ByteArrayInputStream(out.toByteArray()),
                MultipartWriter.contentType(boundary), out.size());
        assertThat(back.statementJson()).isEqualTo(json);
        assertThat(back.parts()).containsExactly(TEXT1, TEXT2);
    }

    @Test
    void answersAsTheSuitesMultipartParserExpects() throws IOException {
        // 4.1.6.1-Statement-Resource.js (XAPI-00167) and multipartParser.js read the response this way.
        String boundary = MultipartWriter.boundary();
        String contentType = MultipartWriter.contentType(boundary);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter.write(out, boundary, STATEMENT.getBytes(StandardCharsets.UTF_8), List.of(TEXT1, TEXT2));
        String body = out.toString(StandardCharsets.UTF_8);

        // The boundary is the text after '=' in the second ';'-separated piece of the Content-Type.
        String parameter = contentType.split(";")[1].trim();
        assertThat(parameter.substring(parameter.indexOf('=') + 1)).isEqualTo(boundary);
        // body.split(boundary)[1], from its first '{' to its last '}', is the statement.
        String first = body.split(Pattern.quote(boundary))[1];
        JsonNode statement = Json.parse(first.substring(first.indexOf('{'), first.lastIndexOf('}') + 1), "statement");
        assertThat(statement.get("id").asText()).isEqualTo("9e1ec4c5-7a56-4d5b-9c1e-3b8a3c1b2f10");
        // Each hash appears twice: in the statement and in its part's header.
        assertThat(occurrences(body, SIMPLE_TEXT1_SHA2)).isEqualTo(2);
        assertThat(occurrences(body, SIMPLE_TEXT2_SHA2)).isEqualTo(2);
        // parseMultipart: CRLF after the first delimiter, parts split on RegExp('--*' + boundary), a part's body is
        // what lies between its blank line and the line end before the next delimiter.
        assertThat(body.substring(body.indexOf("--" + boundary) + boundary.length() + 2)).startsWith("\r\n");
        String[] pieces = body.split("--*" + boundary);
        String json = pieces[1].substring(pieces[1].indexOf("\r\n\r\n") + 4, pieces[1].length() - 2);
        assertThat(json).isEqualTo(STATEMENT);
        assertThat(pieces[1]).startsWith("\r\nContent-Type: application/json\r\n");
        assertThat(pieces[pieces.length - 1]).startsWith("--");
    }

    @Test
    void makesAFreshBoundaryOfLettersAndDigits() {
        Set<String> boundaries = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String boundary = MultipartWriter.boundary();
            assertThat(boundary).matches("[0-9a-z]{36}");
            boundaries.add(boundary);
        }
        assertThat(boundaries).hasSize(100);
    }

    @Test
    void refusesHeaderValuesThatWouldBreakTheResponse() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> MultipartWriter.start(out, "b", new byte[0])
                .part(new AttachmentPart(SIMPLE_TEXT1_SHA2, "text/plain\r\nX-Injected: 1", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartWriter.start(out, "b", new byte[0])
                .part(new AttachmentPart("not-a-hash", "text/plain", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartWriter.contentType("needs \"quotes\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
