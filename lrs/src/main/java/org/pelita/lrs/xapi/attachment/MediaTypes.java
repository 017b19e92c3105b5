package org.pelita.lrs.xapi.attachment;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/** Content-Type values: the media type alone, and the boundary of a multipart type. */
final class MediaTypes {
    static final String MULTIPART_MIXED = "multipart/mixed";
    static final String APPLICATION_JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    /** RFC 2046 §5.1.1: 1 to 70 characters from bchars, the last one not a space. */
    private static final Pattern BOUNDARY =
            Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    private MediaTypes() {
    }

    /** The "type/subtype" of a Content-Type value in lower case, without parameters; empty for null. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** The boundary parameter of a Content-Type value (quoted or not), if it has one. */
    static Optional<String> boundaryParameter(String contentType) {
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", contentType));
        for (NameValuePair parameter : body.getParams()) {
            if ("boundary".equalsIgnoreCase(parameter.getName())) {
                return Optional.ofNullable(parameter.getValue());
            }
        }
        return Optional.empty();
    }

    static boolean isValidBoundary(String boundary) {
        return BOUNDARY.matcher(boundary).matches();
    }

    /** Whether a value may go into a header line as it is: no line breaks and nothing outside printable ASCII. */
    static boolean isSafeHeaderValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
