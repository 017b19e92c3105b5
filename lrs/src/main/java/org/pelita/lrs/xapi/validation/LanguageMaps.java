package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Language Maps (xAPI 1.0.3 Data §4.2; xAPI 2.0 §4.2.7): an object whose keys are RFC 5646 language tags and whose
 * values are Strings. Both versions validate the tags: 1.0.3 requires the LRS to check "the sequence of token
 * lengths" (Data §2.2), and the suite rejects tags such as "something" and "a12345" under either version.
 */
public final class LanguageMaps {
    private LanguageMaps() {
    }

    public static void validate(JsonNode map, String path, XapiVersion v) {
        validate(map == null ? MissingNode.getInstance() : map, JsonPath.root(path), v);
    }

    public static boolean isLanguageTag(String tag) {
        return LanguageTags.isLanguageTag(tag);
    }

    static void validate(JsonNode map, JsonPath path, XapiVersion v) {
        Checks.object(map, path, v, "a Language Map (an object of language tag to String)");
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String tag = entry.getKey();
            JsonNode value = entry.getValue();
            if (!LanguageTags.isLanguageTag(tag)) {
                throw Checks.fail(Rule.LANGUAGE_MAP_KEY, path.key(tag), v, "found " + Checks.quote(tag));
            }
            if (!value.isTextual()) {
                throw value.isNull()
                        ? Checks.fail(Rule.NULL_VALUE, path.key(tag), v)
                        : Checks.fail(Rule.LANGUAGE_MAP_VALUE, path.key(tag), v, "found " + Checks.describe(value));
            }
        }
    }
}
