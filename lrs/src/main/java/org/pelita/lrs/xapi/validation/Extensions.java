package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Extensions maps (xAPI 1.0.3 Data §4.1; xAPI 2.0 §4.2.7): an object whose keys are IRIs. Values are never
 * checked, not even for null: the LRS must not reject a Statement for what its extensions hold.
 */
final class Extensions {
    private Extensions() {
    }

    static void validate(JsonNode extensions, JsonPath path, XapiVersion v) {
        Checks.object(extensions, path, v, "an extensions object (a map of IRI to any value)");
        for (Map.Entry<String, JsonNode> entry : extensions.properties()) {
            if (!Iris.isIri(entry.getKey())) {
                throw Checks.fail(Rule.EXTENSION_KEY, path.key(entry.getKey()), v,
                        "found " + Checks.quote(entry.getKey()));
            }
        }
    }
}
