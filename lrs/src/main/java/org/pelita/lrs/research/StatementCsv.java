package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pelita.lrs.xapi.Agents;

/**
 * One CSV row per statement, in the columns researchers use (docs/research-data.md lists what each holds). Cells are
 * text; a text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
 * gets a leading apostrophe. Number and boolean cells (scores, duration, success, completion) are written as such and never prefixed.
 */
public final class StatementCsv {
    public static final List<String> COLUMNS = List.of("id", "timestamp", "stored", "actor", "verb", "verb_display", "object_id",
            "object_type", "object_name", "module", "module_version", "language", "registration", "parent", "grouping", "quiz_kind",
            "response", "success", "completion", "score_scaled", "score_raw", "score_min", "score_max", "duration_seconds",
            "organisation", "country");
    private static final Set<String> NOT_TEXT = Set.of("success", "completion", "score_scaled", "score_raw", "score_min", "score_max",
            "duration_seconds");
    private static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+(?:[.,]\\d+)?)W)?(?:(\\d+(?:[.,]\\d+)?)Y)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:[.,]\\d+)?)H)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");

    private StatementCsv() {
    }

    /** The cells of a statement (already pseudonymised when identities are hidden), in {@link #COLUMNS} order. */
    public static List<String> row(JsonNode statement) {
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asText("Activity");
        JsonNode context = statement.path("context");
        JsonNode extensions = context.path("extensions");
        JsonNode result = statement.path("result");
        JsonNode score = result.path("score");
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(text(statement.get("id")));
        cells.add(text(statement.get("timestamp")));
        cells.add(text(statement.get("stored")));
        cells.add(actor(statement.get("actor")));
        cells.add(text(statement.path("verb").get("id")));
        cells.add(languageMap(statement.path("verb").get("display")));
        cells.add(switch (objectType) {
            case "Agent", "Group" -> actor(object);
            case "SubStatement" -> "";
            default -> text(object.get("id"));
        });
        cells.add(objectType);
        cells.add("Activity".equals(objectType) ? languageMap(object.path("definition").get("name")) : "");
        cells.add(module(statement));
        cells.add(text(extensions.get(ExportQuery.MODULE_VERSION)));
        cells.add(text(context.get("language")));
        cells.add(text(context.get("registration")));
        cells.add(ids(context.path("contextActivities").get("parent")));
        cells.add(ids(context.path("contextActivities").get("grouping")));
        cells.add(text(extensions.get(ExportQuery.QUIZ_KIND)));
        cells.add(text(result.get("response")));
        cells.add(text(result.get("success")));
        cells.add(text(result.get("completion")));
        cells.add(number(score.get("scaled")));
        cells.add(number(score.get("raw")));
        cells.add(number(score.get("min")));
        cells.add(number(score.get("max")));
        cells.add(seconds(result.get("duration")));
        cells.add(text(extensions.get(ExportQuery.ORGANISATION)));
        cells.add(text(extensions.get(ExportQuery.COUNTRY)));
        for (int i = 0; i < cells.size(); i++) {
            if (!NOT_TEXT.contains(COLUMNS.get(i))) {
                cells.set(i, defused(cells.get(i)));
            }
        }
        return cells;
    }

    /** A cell a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. */
    public static String defused(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    /**
     * An agent or group in one cell: a pseudonym's name, or the identifier ({@code mbox:mailto:…}, {@code account:<homePage>
     * <name>}) when identities are shown; an anonymous group as its members' cells joined by {@code |}.
     */
    static String actor(JsonNode actor) {
        if (actor == null || !actor.isObject()) {
            return "";
        }
        Optional<String> pseudonym = Pseudonyms.pseudonymOf(actor);
        if (pseudonym.isPresent()) {
            return pseudonym.get();
        }
        Optional<String> identifier = Agents.identifier(actor);
        if (identifier.isPresent()) {
            return identifier.get();
        }
        List<String> members = new ArrayList<>();
        actor.path("member").forEach(m -> members.add(actor(m)));
        return String.join("|", members);
    }

    /**
     * The module the statement is about: the shortest grouping or parent activity whose IRI is the object's id or a path
     * above it (a question {@code <module>/questions/…} has its module in grouping); else the object itself when it is a
     * course, or when the statement has no parent or grouping (Pelita's statements about the module itself).
     */
    static String module(JsonNode statement) {
        JsonNode object = statement.path("object");
        if (!"Activity".equals(object.path("objectType").asText("Activity")) || !object.hasNonNull("id")) {
            return "";
        }
        String id = object.get("id").asText();
        JsonNode activities = statement.path("context").path("contextActivities");
        String best = null;
        for (String kind : List.of("grouping", "parent")) {
            for (String candidate : idList(activities.get(kind))) {
                if ((id.equals(candidate) || id.startsWith(candidate + "/")) && (best == null || candidate.length() < best.length())) {
                    best = candidate;
                }
            }
        }
        if (best != null) {
            return best;
        }
        boolean course = COURSE.equals(object.path("definition").path("type").asText(null));
        boolean noContextActivities = idList(activities.get("grouping")).isEmpty() && idList(activities.get("parent")).isEmpty();
        return course || noContextActivities ? id : "";
    }

    private static List<String> idList(JsonNode activities) {
        List<String> ids = new ArrayList<>();
        if (activities == null) {
            return ids;
        }
        for (JsonNode activity : activities.isArray() ? activities : List.of(activities)) {
            if (activity.hasNonNull("id")) {
                ids.add(activity.get("id").asText());
            }
        }
        return ids;
    }

    /** Activity ids separated by spaces (IRIs have none). */
    private static String ids(JsonNode activities) {
        return String.join(" ", idList(activities));
    }

    /** English if there is one ("en", then any "en-…"), else the first language. */
    static String languageMap(JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            return "";
        }
        if (map.hasNonNull("en")) {
            return map.get("en").asText();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().toLowerCase(Locale.ROOT).startsWith("en-")) {
                return field.getValue().asText();
            }
        }
        return map.elements().next().asText();
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A JSON number as written in plain notation (a score of 1E+2 is 100). */
    private static String number(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return "";
        }
        return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.decimalValue().stripTrailingZeros().toPlainString();
    }

    /**
     * An ISO 8601 duration in seconds: weeks, days, hours, minutes and seconds counted exactly (a day as 86,400 s);
     * empty when it has years or months, whose length in seconds is not defined.
     */
    static String seconds(JsonNode duration) {
        if (duration == null || !duration.isTextual()) {
            return "";
        }
        Matcher m = DURATION.matcher(duration.asText());
        if (!m.matches() || m.group(2) != null || m.group(3) != null) {
            return "";
        }
        long[] unit = {0, 604_800, 0, 0, 86_400, 3_600, 60, 1};
        BigDecimal total = BigDecimal.ZERO;
        for (int group = 1; group <= 7; group++) {
            if (m.group(group) != null && unit[group] > 0) {
                total = total.add(new BigDecimal(m.group(group).replace(',', '.')).multiply(BigDecimal.valueOf(unit[group])));
            }
        }
        return total.stripTrailingZeros().toPlainString();
    }
}
