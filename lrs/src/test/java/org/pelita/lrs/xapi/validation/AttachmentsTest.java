package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The shape of the attachments array (xAPI 1.0.3 Data §2.4.11; xAPI 2.0 §4.2.2.6). Matching attachments to
 * multipart parts is checked where the request is read, not here.
 */
class AttachmentsTest {
    private static final String SHA256 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";

    private static String attachment(String replacing, String value) {
        String usageType = "'http://example.com/attachment-usage/test'";
        String display = "{'en-US': 'A test attachment'}";
        String contentType = "'text/plain; charset=ascii'";
        String length = "27";
        String sha2 = "'" + SHA256 + "'";
        StringBuilder out = new StringBuilder("{");
        String[][] properties = {{"usageType", usageType}, {"display", display}, {"contentType", contentType},
            {"length", length}, {"sha2", sha2}};
        for (String[] property : properties) {
            String shown = property[0].equals(replacing) ? value : property[1];
            if (shown != null) {
                out.append('\'').append(property[0]).append("': ").append(shown).append(", ");
            }
        }
        if (!"usageType display contentType length sha2".contains(replacing) && value != null) {
            out.append('\'').append(replacing).append("': ").append(value).append(", ");
        }
        out.setLength(out.length() - 2);
        return out.append('}').toString();
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void anAttachmentHasUsageTypeDisplayContentTypeLengthAndSha2(XapiVersion v) {
        accepts(statementWith("attachments", "[" + attachment("-", null) + "]"), v);
        accepts(statementWith("attachments", "[" + attachment("fileUrl", "'http://over.there.com/file.txt'") + ", "
                + attachment("description", "{'es-MX': 'Un accesorio de prueba'}") + "]"), v);
        accepts(statementWith("attachments", "[]"), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usageType", "display", "contentType", "length", "sha2"})
    void eachRequiredPropertyMustBePresent(String property) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("attachments", "[" + attachment(property, null) + "]"), v)
                    .at("$.attachments[0]." + property).breaking(Rule.ATTACHMENT_REQUIRED);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void attachmentsIsAnArrayOfObjects(XapiVersion v) {
        rejects(statementWith("attachments", attachment("-", null)), v).at("$.attachments").breaking(Rule.WRONG_TYPE);
        rejects(statementWith("attachments", "[12345]"), v).at("$.attachments[0]").breaking(Rule.WRONG_TYPE);
        rejects(statementWith("attachments", "['should fail']"), v).at("$.attachments[0]").breaking(Rule.WRONG_TYPE);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void usageTypeIsAnIri(XapiVersion v) {
        rejects(statementWith("attachments", "[" + attachment("usageType", "'example.com/attachment-usage/test'") + "]"), v)
                .at("$.attachments[0].usageType").breaking(Rule.ATTACHMENT_USAGE_TYPE);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void displayAndDescriptionAreLanguageMaps(XapiVersion v) {
        rejects(statementWith("attachments", "[" + attachment("display", "'should fail'") + "]"), v)
                .at("$.attachments[0].display").breaking(Rule.WRONG_TYPE);
        rejects(statementWith("attachments", "[" + attachment("description", "{'something': 'x'}") + "]"), v)
                .at("$.attachments[0].description.something").breaking(Rule.LANGUAGE_MAP_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "'text'", "'/plain'", "'text/'", "'text plain'", "'text/plain charset=x'"})
    void contentTypeIsAnInternetMediaType(String contentType) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("attachments", "[" + attachment("contentType", contentType) + "]"), v)
                    .at("$.attachments[0].contentType").breaking(Rule.ATTACHMENT_CONTENT_TYPE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "image/jpeg", "text/plain;charset=UTF-8",
        "application/vnd.example+json; version=2"})
    void mediaTypesWithAndWithoutParametersAreAccepted(String contentType) {
        for (XapiVersion v : XapiVersion.values()) {
            accepts(statementWith("attachments", "[" + attachment("contentType", "'" + contentType + "'") + "]"), v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"'should fail'", "'27'", "27.5", "-1"})
    void lengthIsANonNegativeInteger(String length) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("attachments", "[" + attachment("length", length) + "]"), v)
                    .at("$.attachments[0].length").breaking(Rule.ATTACHMENT_LENGTH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "''", "'not a hash'", "'495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848'"})
    void sha2IsAHexEncodedSha2Hash(String sha2) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("attachments", "[" + attachment("sha2", sha2) + "]"), v)
                    .at("$.attachments[0].sha2").breaking(Rule.ATTACHMENT_SHA2);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void fileUrlIsAnIrl(XapiVersion v) {
        rejects(statementWith("attachments", "[" + attachment("fileUrl", "'over.there.com/file.txt'") + "]"), v)
                .at("$.attachments[0].fileUrl").breaking(Rule.ATTACHMENT_FILE_URL);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void hasNoOtherProperties(XapiVersion v) {
        rejects(statementWith("attachments", "[" + attachment("fileURL", "'http://over.there.com/file.txt'") + "]"), v)
                .at("$.attachments[0].fileURL").breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"fileUrl\"?");
    }
}
