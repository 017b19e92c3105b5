package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Results and scores (xAPI 1.0.3 Data §2.4.5; xAPI 2.0 §4.2.2.4). Score bounds are compared as decimals, exactly
 * as sent, so 1.0000001 is above 1 even where a double would round it down. min may equal max: the conformance
 * requirements (XAPI-00081) reject only a min greater than max.
 */
final class ResultValidator {
    private static final String[] RESULT_PROPERTIES =
            {"score", "success", "completion", "response", "duration", "extensions"};
    private static final String[] SCORE_PROPERTIES = {"scaled", "raw", "min", "max"};
    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    private ResultValidator() {
    }

    static void result(JsonNode result, JsonPath path, XapiVersion v) {
        Checks.object(result, path, v, "a Result object");
        for (Map.Entry<String, JsonNode> field : result.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "score":
                    score(value, at, v);
                    break;
                case "success":
                case "completion":
                    Checks.bool(value, at, v);
                    break;
                case "response":
                    Checks.string(value, at, v);
                    break;
                case "duration":
                    String duration = Checks.formatted(value, at, v, Rule.DURATION);
                    if (!Durations.isDuration(duration)) {
                        throw Checks.fail(Rule.DURATION, at, v, "found " + Checks.quote(duration));
                    }
                    break;
                case "extensions":
                    Extensions.validate(value, at, v);
                    break;
                default:
                    throw Checks.unknown(name, at, v, RESULT_PROPERTIES);
            }
        }
    }

    private static void score(JsonNode score, JsonPath path, XapiVersion v) {
        Checks.object(score, path, v, "a Score object");
        BigDecimal raw = null;
        BigDecimal min = null;
        BigDecimal max = null;
        for (Map.Entry<String, JsonNode> field : score.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonPath at = path.key(name);
            Checks.notNull(value, at, v);
            switch (name) {
                case "scaled":
                    Checks.number(value, at, v);
                    BigDecimal scaled = value.decimalValue();
                    if (scaled.compareTo(BigDecimal.ONE) > 0 || scaled.compareTo(MINUS_ONE) < 0) {
                        throw Checks.fail(Rule.SCORE_SCALED, at, v, "found " + value.asText());
                    }
                    break;
                case "raw":
                    Checks.number(value, at, v);
                    raw = value.decimalValue();
                    break;
                case "min":
                    Checks.number(value, at, v);
                    min = value.decimalValue();
                    break;
                case "max":
                    Checks.number(value, at, v);
                    max = value.decimalValue();
                    break;
                default:
                    throw Checks.unknown(name, at, v, SCORE_PROPERTIES);
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw Checks.fail(Rule.SCORE_MIN_MAX, path.key("min"), v,
                    "found min " + min.toPlainString() + " and max " + max.toPlainString());
        }
        if (raw != null && (min != null && raw.compareTo(min) < 0 || max != null && raw.compareTo(max) > 0)) {
            throw Checks.fail(Rule.SCORE_RAW, path.key("raw"), v, "found raw " + raw.toPlainString()
                    + (min != null ? ", min " + min.toPlainString() : "")
                    + (max != null ? ", max " + max.toPlainString() : ""));
        }
    }
}
