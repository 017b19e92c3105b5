package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The shape of Attachment objects (xAPI 1.0.3 Data §2.4.11; xAPI 2.0 §4.2.2.6). Whether each one without a
 * fileUrl has a matching multipart part, and whether a signature is sound, is decided where the request body is
 * read, not here.
 */
final class AttachmentValidator {
    private static final String[] ATTACHMENT_PROPERTIES =
            {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"};

    private AttachmentValidator() {
    }

    static void attachments(JsonNode attachments, JsonPath path, XapiVersion v) {
        Checks.array(attachments, path, v, "an array of Attachment objects");
        for (int i = 0; i < attachments.size(); i++) {
            attachment(attachments.get(i), path.index(i), v);
        }
    }

    private static void attachment(JsonNode attachment, JsonPath path, XapiVersion v) {
        Checks.object(attachment, path, v, "an Attachment object");
        int required = 0;
        for (Map.Entry<String, JsonNode> field : attachment.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "usageType":
                    Checks.iri(value, at, v, Rule.ATTACHMENT_USAGE_TYPE);
                    required++;
                    break;
                case "display":
                    LanguageMaps.validate(value, at, v);
                    required++;
                    break;
                case "description":
                    LanguageMaps.validate(value, at, v);
                    break;
                case "contentType":
                    String type = Checks.formatted(value, at, v, Rule.ATTACHMENT_CONTENT_TYPE);
                    if (!isMediaType(type)) {
                        throw Checks.fail(Rule.ATTACHMENT_CONTENT_TYPE, at, v, "found " + Checks.quote(type));
                    }
                    required++;
                    break;
                case "length":
                    if (!value.isIntegralNumber()
                            || (value.canConvertToLong() ? value.longValue() < 0 : value.bigIntegerValue().signum() < 0)) {
                        throw Checks.fail(Rule.ATTACHMENT_LENGTH, at, v, "found " + Checks.describe(value));
                    }
                    required++;
                    break;
                case "sha2":
                    String sha2 = Checks.formatted(value, at, v, Rule.ATTACHMENT_SHA2);
                    if (!isSha2(sha2)) {
                        throw Checks.fail(Rule.ATTACHMENT_SHA2, at, v, "found " + Checks.quote(sha2));
                    }
                    required++;
                    break;
                case "fileUrl":
                    Checks.iri(value, at, v, Rule.ATTACHMENT_FILE_URL);
                    break;
                default:
                    throw Checks.unknown(name, at, v, ATTACHMENT_PROPERTIES);
            }
        }
        if (required < 5) {
            for (String name : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
                if (!attachment.has(name)) {
                    throw Checks.fail(Rule.ATTACHMENT_REQUIRED, path.key(name), v, name + " is missing");
                }
            }
        }
    }

    /** type "/" subtype, both RFC 9110 tokens, then nothing or parameters introduced by ";". */
    static boolean isMediaType(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i == n || s.charAt(i) != '/') {
            return false;
        }
        int subtype = ++i;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == subtype) {
            return false;
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != ';') {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSha2(String s) {
        int n = s.length();
        if (n != 56 && n != 64 && n != 96 && n != 128) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Iris.isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
