package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The type checks every validator shares, and the one place rejections are built. A present property must never
 * be JSON null (outside extensions, which never come here), and must have the JSON type its table gives.
 */
final class Checks {
    private Checks() {
    }

    static InvalidRequestException fail(Rule rule, JsonPath path, XapiVersion version) {
        return new InvalidRequestException(path.toString(), rule.message(version, null));
    }

    static InvalidRequestException fail(Rule rule, JsonPath path, XapiVersion version, String detail) {
        return new InvalidRequestException(path.toString(), rule.message(version, detail));
    }

    /** A String property with no particular format (name, revision, platform, response...). */
    static String string(JsonNode value, JsonPath path, XapiVersion version) {
        if (value.isTextual()) {
            return value.textValue();
        }
        throw wrongType(value, path, version, "a String");
    }

    /** A String with a format: a wrong JSON type breaks the format's own rule, which says what is expected. */
    static String formatted(JsonNode value, JsonPath path, XapiVersion version, Rule rule) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNull()) {
            throw fail(Rule.NULL_VALUE, path, version);
        }
        throw fail(rule, path, version, "found " + describe(value));
    }

    /** An IRI or IRL property. */
    static void iri(JsonNode value, JsonPath path, XapiVersion version, Rule rule) {
        String text = formatted(value, path, version, rule);
        if (!Iris.isIri(text)) {
            throw fail(rule, path, version, "found " + quote(text));
        }
    }

    /** A UUID property. */
    static void uuid(JsonNode value, JsonPath path, XapiVersion version, Rule rule) {
        String text = formatted(value, path, version, rule);
        if (!Uuids.isUuid(text)) {
            throw fail(rule, path, version, "found " + quote(text));
        }
    }

    static void object(JsonNode value, JsonPath path, XapiVersion version, String what) {
        if (!value.isObject()) {
            throw wrongType(value, path, version, what);
        }
    }

    static void array(JsonNode value, JsonPath path, XapiVersion version, String what) {
        if (!value.isArray()) {
            throw wrongType(value, path, version, what);
        }
    }

    static void bool(JsonNode value, JsonPath path, XapiVersion version) {
        if (!value.isBoolean()) {
            throw wrongType(value, path, version, "a Boolean (true or false, not a String)");
        }
    }

    static void number(JsonNode value, JsonPath path, XapiVersion version) {
        if (!value.isNumber()) {
            throw wrongType(value, path, version, "a number (not a String)");
        }
    }

    static InvalidRequestException wrongType(JsonNode value, JsonPath path, XapiVersion version, String expected) {
        if (value.isNull()) {
            return fail(Rule.NULL_VALUE, path, version);
        }
        return fail(Rule.WRONG_TYPE, path, version, "expected " + expected + " but found " + describe(value));
    }

    /** A property the object's table does not list; names one that differs only in case, if there is one. */
    static InvalidRequestException unknown(String name, JsonPath path, XapiVersion version, String... allowed) {
        for (String known : allowed) {
            if (known.equalsIgnoreCase(name)) {
                return fail(Rule.UNKNOWN_PROPERTY, path, version, "did you mean \"" + known + "\"?");
            }
        }
        return fail(Rule.UNKNOWN_PROPERTY, path, version, "allowed here: " + String.join(", ", allowed));
    }

    /** Null is checked before the property's own rule, so every property of every object rejects it. */
    static void notNull(JsonNode value, JsonPath path, XapiVersion version) {
        if (value.isNull()) {
            throw fail(Rule.NULL_VALUE, path, version);
        }
    }

    static String describe(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING:
                return "the String " + quote(value.textValue());
            case NUMBER:
                return "the number " + value.asText();
            case BOOLEAN:
                return "the Boolean " + value.asText();
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case NULL:
                return "null";
            case MISSING:
                return "nothing";
            default:
                return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Quotes a value for a message, cut short so a huge value cannot flood the response. */
    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return '"' + shown + '"';
    }
}
