package org.pelita.lrs.xapi.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the statement inside a signature (the JWS payload) is logically equivalent to the statement received
 * (1.0.3 Data §2.6.s5.b3.b2, by the Statement Comparison Requirements of §2.3.1.s9). Both are brought to one form in
 * which the differences the spec allows have gone, then compared:
 * <ul>
 *   <li>properties the LRS sets (earlier 1.0.x wording of this rule: "differences which could have been caused by
 *       allowed or required LRS processing of id, authority, stored, timestamp, or version MUST be ignored"): stored
 *       and authority are ignored; id and timestamp when the signed statement lacks them; version when either lacks
 *       it;</li>
 *   <li>exceptions to immutability (§2.3.1.b2 to b7): Activity Definitions and verb display are not part of the
 *       statement; timestamps compare as points in time (to the millisecond, the precision an LRS must keep, §2.4.7);
 *       group members in any order; case-insensitive values (UUIDs, the scheme and domain of an mbox, hex hashes,
 *       language tags) in any case;</li>
 *   <li>the signature attachments themselves, which were added after signing (§2.6.s4.b3: the payload is the statement
 *       "before the signature was added"); other attachments must match, and an absent list equals an empty one;</li>
 *   <li>result.duration: compared as a string (§2.3.1.b8: PT60S is not PT1M), but without the precision beyond
 *       0.01 s (§4.6.s1.b5, a SHOULD* in 1.0.3 that IEEE 9274.1.1 §4.2.7 makes a "shall"; the 2.0.0 suite tests it
 *       with a signed statement);</li>
 *   <li>objectType where the spec gives a default (an Activity object, an Agent actor or member), and numbers by
 *       value (1.0 equals 1).</li>
 * </ul>
 */
final class StatementEquivalence {
    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    private static final Pattern SECONDS = Pattern.compile("(.*?)(\\d+)(?:[.,](\\d+))?S");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int SHOWN_VALUE_LENGTH = 80;

    private StatementEquivalence() {
    }

    /**
     * The first difference that the spec does not allow between the signed statement and the received one, described
     * with its JSON path under {@code root}; empty when they are equivalent.
     */
    static Optional<String> difference(ObjectNode signed, ObjectNode received, String root) {
        ObjectNode s = signed.deepCopy();
        ObjectNode r = received.deepCopy();
        ignoreWhatTheLrsSets(s, r);
        normalizeStatement(s);
        normalizeStatement(r);
        return firstDifference(s, r, root);
    }

    private static void ignoreWhatTheLrsSets(ObjectNode signed, ObjectNode received) {
        for (String always : List.of("stored", "authority")) {
            signed.remove(always);
            received.remove(always);
        }
        // The LRS assigns id and timestamp only when the statement came without them.
        for (String ifAbsent : List.of("id", "timestamp")) {
            if (!signed.has(ifAbsent)) {
                received.remove(ifAbsent);
            }
        }
        // The LRS keeps a version it is given and sets one when there is none (1.0.3 Data §2.4.10.s3.b3).
        if (!signed.has("version") || !received.has("version")) {
            signed.remove("version");
            received.remove("version");
        }
    }

    private static void normalizeStatement(ObjectNode statement) {
        lowerCase(statement, "id");
        JsonNode timestamp = statement.get("timestamp");
        if (timestamp != null && timestamp.isTextual()) {
            statement.put("timestamp", instant(timestamp.asText()));
        }
        normalizeActor(statement.get("actor"));
        if (statement.get("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        normalizeObject(statement.get("object"));
        if (statement.get("context") instanceof ObjectNode context) {
            normalizeContext(context);
        }
        if (statement.get("result") instanceof ObjectNode result
                && result.get("duration") != null && result.get("duration").isTextual()) {
            result.put("duration", hundredths(result.get("duration").asText()));
        }
        normalizeAttachments(statement);
    }

    private static void normalizeActor(JsonNode node) {
        if (!(node instanceof ObjectNode actor)) {
            return;
        }
        if (!actor.has("objectType")) {
            actor.put("objectType", "Agent");
        }
        JsonNode mbox = actor.get("mbox");
        if (mbox != null && mbox.isTextual()) {
            actor.put("mbox", mbox(mbox.asText()));
        }
        lowerCase(actor, "mbox_sha1sum");
        if ("Group".equals(actor.path("objectType").asText()) && actor.get("member") instanceof ArrayNode members) {
            // Data §2.3.1.b5: the members of a Group are not an ordered list.
            List<JsonNode> sorted = new ArrayList<>();
            for (JsonNode member : members) {
                normalizeActor(member);
                sorted.add(member);
            }
            sorted.sort(Comparator.comparing(StatementEquivalence::canonical));
            members.removeAll();
            members.addAll(sorted);
        }
    }

    private static void normalizeObject(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String type = object.path("objectType").asText("Activity");
        switch (type) {
            case "Activity" -> normalizeActivity(object);
            case "Agent", "Group" -> normalizeActor(object);
            case "StatementRef" -> lowerCase(object, "id");
            case "SubStatement" -> normalizeStatement(object);
            default -> {
                // an unknown objectType is the validator's to refuse
            }
        }
    }

    /** Data §2.3.1.b2: the content of an Activity Definition is not part of the statement. */
    private static void normalizeActivity(ObjectNode activity) {
        if (!activity.has("objectType")) {
            activity.put("objectType", "Activity");
        }
        activity.remove("definition");
    }

    private static void normalizeContext(ObjectNode context) {
        lowerCase(context, "registration");
        normalizeActor(context.get("instructor"));
        normalizeActor(context.get("team"));
        if (context.get("statement") instanceof ObjectNode statementRef) {
            lowerCase(statementRef, "id");
        }
        if (context.get("contextActivities") instanceof ObjectNode activities) {
            List<String> names = new ArrayList<>();
            activities.properties().forEach(property -> names.add(property.getKey()));
            for (String name : names) {
                JsonNode value = activities.get(name);
                // 1.0.3 Data §2.4.6.2: a single Activity is returned as an array of one.
                ArrayNode list = value.isArray() ? (ArrayNode) value : JsonNodeFactory.instance.arrayNode().add(value);
                for (JsonNode activity : list) {
                    if (activity instanceof ObjectNode a) {
                        normalizeActivity(a);
                    }
                }
                activities.set(name, list);
            }
        }
        // 2.0.0 contextAgents and contextGroups
        for (JsonNode contextAgent : context.path("contextAgents")) {
            normalizeActor(contextAgent.get("agent"));
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            normalizeActor(contextGroup.get("group"));
        }
    }

    private static void normalizeAttachments(ObjectNode statement) {
        if (!(statement.get("attachments") instanceof ArrayNode attachments)) {
            return;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode attachment : attachments) {
            if (SIGNATURE_USAGE.equals(attachment.path("usageType").asText())) {
                continue;
            }
            if (attachment instanceof ObjectNode a) {
                lowerCase(a, "sha2");
                lowerCaseKeys(a, "display");
                lowerCaseKeys(a, "description");
            }
            kept.add(attachment);
        }
        if (kept.isEmpty()) {
            statement.remove("attachments");
        } else {
            statement.set("attachments", kept);
        }
    }

    private static void lowerCase(ObjectNode node, String property) {
        JsonNode value = node.get(property);
        if (value != null && value.isTextual()) {
            node.put(property, value.asText().toLowerCase(Locale.ROOT));
        }
    }

    /** Language tags are case-insensitive (RFC 5646 §2.1.1). A map whose keys differ only in case is left as it is. */
    private static void lowerCaseKeys(ObjectNode node, String property) {
        if (!(node.get(property) instanceof ObjectNode map)) {
            return;
        }
        ObjectNode lowered = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            if (lowered.has(key)) {
                return;
            }
            lowered.set(key, entry.getValue());
        }
        node.set(property, lowered);
    }

    /** The scheme and the domain of an e-mail address are case-insensitive (Data §2.3.1.b7); the local part is not. */
    static String mbox(String mbox) {
        int colon = mbox.indexOf(':');
        int at = mbox.lastIndexOf('@');
        if (colon < 0 || at < colon) {
            return mbox;
        }
        return mbox.substring(0, colon).toLowerCase(Locale.ROOT) + mbox.substring(colon, at)
                + mbox.substring(at).toLowerCase(Locale.ROOT);
    }

    /** A timestamp as the instant it names, to the millisecond; text that is not one is compared as it is. */
    static String instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    /** An ISO 8601 duration with its seconds cut to hundredths and trailing zeros dropped: PT0.1237S is PT0.12S. */
    static String hundredths(String duration) {
        Matcher m = SECONDS.matcher(duration);
        if (!m.matches() || !duration.contains("T")) {
            return duration;
        }
        String fraction = m.group(3) == null ? "" : m.group(3);
        fraction = fraction.substring(0, Math.min(2, fraction.length())).replaceFirst("0+$", "");
        return m.group(1) + m.group(2) + (fraction.isEmpty() ? "" : "." + fraction) + "S";
    }

    private static Optional<String> firstDifference(JsonNode signed, JsonNode received, String path) {
        if (signed.isNumber() && received.isNumber()) {
            return signed.decimalValue().compareTo(received.decimalValue()) == 0
                    ? Optional.empty() : differs(path, signed, received);
        }
        if (signed.getNodeType() != received.getNodeType()) {
            return differs(path, signed, received);
        }
        if (signed.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            signed.fieldNames().forEachRemaining(names::add);
            received.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = path + member(name);
                if (!received.has(name)) {
                    return Optional.of(at + " is in the signed statement but not in the statement");
                }
                if (!signed.has(name)) {
                    return Optional.of(at + " is in the statement but not in the signed statement");
                }
                Optional<String> inner = firstDifference(signed.get(name), received.get(name), at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (signed.isArray()) {
            for (int i = 0; i < Math.min(signed.size(), received.size()); i++) {
                Optional<String> inner = firstDifference(signed.get(i), received.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return signed.size() == received.size() ? Optional.empty() : Optional.of(path + " has " + signed.size()
                    + " items in the signed statement and " + received.size() + " in the statement");
        }
        return signed.equals(received) ? Optional.empty() : differs(path, signed, received);
    }

    private static Optional<String> differs(String path, JsonNode signed, JsonNode received) {
        return Optional.of(path + " is " + shown(signed) + " in the signed statement and " + shown(received)
                + " in the statement");
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH) + "...";
    }

    private static String member(String name) {
        return SIMPLE_KEY.matcher(name).matches() ? "." + name
                : "[" + JsonNodeFactory.instance.textNode(name) + "]";
    }

    /** A serialization in which equivalent values are equal: keys sorted, numbers by value. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(JsonNodeFactory.instance.textNode(name)).append(':').append(canonical(node.get(name)));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode item : node) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(canonical(item));
            }
            return out.append(']').toString();
        }
        if (node.isNumber()) {
            // toString, not toPlainString: 1e999999999 must not become a billion digits.
            return node.decimalValue().stripTrailingZeros().toString();
        }
        return node.toString();
    }
}
