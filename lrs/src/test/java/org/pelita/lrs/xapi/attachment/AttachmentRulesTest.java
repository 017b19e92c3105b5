package org.pelita.lrs.xapi.attachment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT1_SHA2;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT2_SHA2;
import static org.pelita.lrs.xapi.attachment.Fixtures.SIMPLE_TEXT3_SHA2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.XapiVersion;

class AttachmentRulesTest {
    private static final AttachmentPart TEXT1 = part(SIMPLE_TEXT1_SHA2, "here is a simple attachment");
    private static final AttachmentPart TEXT2 = part(SIMPLE_TEXT2_SHA2, "here is another simple attachment");
    private static final AttachmentPart TEXT3 = part(SIMPLE_TEXT3_SHA2, "here is a third attachment");

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void acceptsEveryAttachmentWithItsPart(XapiVersion version) {
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, null), attachment(SIMPLE_TEXT2_SHA2, null));

        assertThatCode(() -> AttachmentRules.check(statement, List.of(TEXT1, TEXT2), version)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnAttachmentWithoutFileUrlWhosePartIsMissing() {
        // XAPI-00129: two attachments, one part.
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, null), attachment(SIMPLE_TEXT2_SHA2, null));

        assertThatThrownBy(() -> AttachmentRules.check(statement, List.of(TEXT1), XapiVersion.V2_0_0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[1]: the attachment has no fileUrl and no part of the request has"
                        + " X-Experience-API-Hash " + SIMPLE_TEXT2_SHA2 + "; send its data in such a part or give a fileUrl");
    }

    @Test
    void rejectsAPartThatIsNoAttachmentsData() {
        // XAPI-00128: "excess multi-part sections that are not attachments".
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, null), attachment(SIMPLE_TEXT2_SHA2, null));

        assertThatThrownBy(() -> AttachmentRules.check(statement, List.of(TEXT1, TEXT2, TEXT3), XapiVersion.V1_0_3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("part 4 of the multipart body (X-Experience-API-Hash " + SIMPLE_TEXT3_SHA2
                        + ") is not the data of any attachment of the statements");
    }

    @Test
    void letsOnePartServeEveryAttachmentWithItsHashAcrossABatch() {
        // Communication §1.5.2.s2.b2.b5: one copy of data used by several statements.
        JsonNode batch = Json.parse("[" + statement(attachment(SIMPLE_TEXT1_SHA2, null)) + ","
                + statement(attachment(SIMPLE_TEXT1_SHA2, null), attachment(SIMPLE_TEXT1_SHA2, null)) + "]", "batch");

        assertThatCode(() -> AttachmentRules.check(batch, List.of(TEXT1), XapiVersion.V2_0_0)).doesNotThrowAnyException();
    }

    @Test
    void namesTheStatementOfABatchWhoseAttachmentHasNoPart() {
        JsonNode batch = Json.parse("[" + statement(attachment(SIMPLE_TEXT1_SHA2, null)) + ","
                + statement(attachment(SIMPLE_TEXT2_SHA2, null)) + "]", "batch");

        assertThatThrownBy(() -> AttachmentRules.check(batch, List.of(TEXT1), XapiVersion.V2_0_0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("$[1].attachments[0]: ");
    }

    @Test
    void acceptsAnAttachmentWithFileUrlOnlyInAJsonRequest() {
        // Communication §1.5.1.s1.b2
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, "http://over.there.com/file.txt"));

        assertThatCode(() -> AttachmentRules.check(statement, null, XapiVersion.V1_0_3)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnAttachmentWithFileUrlOnlyInAMultipartRequest() {
        // Communication §1.5.2.s3.b9; the 2.0.0 suite's "attachment uses fileUrl and content-type is multipart/mixed".
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, "http://over.there.com/file.txt"));

        assertThatCode(() -> AttachmentRules.check(statement, List.of(), XapiVersion.V2_0_0)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAPartForAnAttachmentThatAlsoHasFileUrl() {
        // The 1.0.3 suite's XAPI-00161 set-up sends such a request and expects 200.
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, "http://over.there.com/file.txt"));

        assertThatCode(() -> AttachmentRules.check(statement, List.of(TEXT1), XapiVersion.V1_0_3)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnAttachmentWithoutFileUrlInAJsonRequest() {
        // Communication §1.5.2.s2.b1: application/json only when every attachment has a fileUrl.
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2, null));

        assertThatThrownBy(() -> AttachmentRules.check(statement, null, XapiVersion.V2_0_0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$.attachments[0]: the attachment has no fileUrl, so its data must be sent in a multipart/mixed"
                        + " request, in a part with X-Experience-API-Hash " + SIMPLE_TEXT1_SHA2);
    }

    @Test
    void acceptsStatementsWithoutAttachmentsInAMultipartRequest() {
        // Communication §1.5.2.s3.b8
        JsonNode statement = statement();
        ((ObjectNode) statement).remove("attachments");

        assertThatCode(() -> AttachmentRules.check(statement, List.of(), XapiVersion.V2_0_0)).doesNotThrowAnyException();
    }

    @Test
    void matchesHashesWithoutRegardToCase() {
        JsonNode statement = statement(attachment(SIMPLE_TEXT1_SHA2.toUpperCase(), null));

        assertThatCode(() -> AttachmentRules.check(statement, List.of(TEXT1), XapiVersion.V2_0_0)).doesNotThrowAnyException();
    }

    @Test
    void countsTheAttachmentsOfASubStatement() {
        JsonNode statement = Json.parse("""
                {"actor": {"mbox": "mailto:a@example.com"}, "verb": {"id": "http://example.com/v"},
                 "object": {"objectType": "SubStatement", "actor": {"mbox": "mailto:b@example.com"},
                            "verb": {"id": "http://example.com/w"}, "object": {"id": "http://example.com/a"},
                            "attachments": [%s]}}""".formatted(attachment(SIMPLE_TEXT1_SHA2, null)), "statement");

        assertThatCode(() -> AttachmentRules.check(statement, List.of(TEXT1), XapiVersion.V1_0_3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AttachmentRules.check(statement, List.of(), XapiVersion.V1_0_3))
                .hasMessageStartingWith("$.object.attachments[0]: ");
    }

    @Test
    void rejectsSomethingThatIsNeitherAStatementNorAnArray() {
        assertThatThrownBy(() -> AttachmentRules.check(Json.parse("\"text\"", "statement"), List.of(), XapiVersion.V1_0_3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("$: expected a statement object or an array of statements");
    }

    @Test
    void followsTheSuitesMultipartRequestsFromReaderToRules() {
        // 4.1.3-Content-Types.js (2.0.0) and H.Communication1.5-ContentTypes.js (1.0.3), after the reader accepted them.
        assertThatCode(() -> checkFixture("one-attachment.multipart")).doesNotThrowAnyException();
        assertThatCode(() -> checkFixture("two-attachments.multipart")).doesNotThrowAnyException();
        assertThatCode(() -> checkFixture("file-url-only.multipart")).doesNotThrowAnyException();
        assertThatCode(() -> checkFixture("file-url-and-part.multipart")).doesNotThrowAnyException();
        assertThatCode(() -> checkFixture("no-attachments.multipart")).doesNotThrowAnyException();
        // The suite sends its JPEG as hex text but declares the binary length: length is not compared with the data.
        assertThatCode(() -> checkFixture("length-differs-from-content.multipart")).doesNotThrowAnyException();
        assertThatThrownBy(() -> checkFixture("excess-part.multipart")).hasMessageContaining("is not the data of any");
        assertThatThrownBy(() -> checkFixture("missing-part.multipart")).hasMessageContaining("no part of the request has");
        // XAPI-00130: with no boundary before it, the attachment ends up inside the JSON part, which no longer parses.
        assertThatThrownBy(() -> checkFixture("no-boundary-before-attachment.multipart"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not valid JSON");
    }

    private static void checkFixture(String name) {
        MultipartRequest request = Fixtures.read(name);
        JsonNode statements = Json.parse(request.statementJson(), "statement");
        for (XapiVersion version : XapiVersion.values()) {
            AttachmentRules.check(statements, request.parts(), version);
        }
    }

    private static AttachmentPart part(String sha2, String text) {
        return new AttachmentPart(sha2, "text/plain", text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String attachment(String sha2, String fileUrl) {
        return """
                {"usageType": "http://example.com/attachment-usage/test", "display": {"en-US": "A test attachment"},
                 "contentType": "text/plain", "length": 27, "sha2": "%s"%s}"""
                .formatted(sha2, fileUrl == null ? "" : ", \"fileUrl\": \"" + fileUrl + "\"");
    }

    private static JsonNode statement(String... attachments) {
        return Json.parse("""
                {"actor": {"mbox": "mailto:xapi@adlnet.gov"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "http://www.example.com/meetings/occurances/34534"}, "attachments": [%s]}"""
                .formatted(String.join(",", attachments)), "statement");
    }
}
