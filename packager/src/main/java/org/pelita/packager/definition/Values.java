package org.pelita.packager.definition;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pelita.packager.definition.yaml.YamlNode;

/** Typed reads of YAML values, each reporting a clear error where the value has the wrong shape. */
final class Values {
    /** Lower-case words joined by single hyphens: safe in file names, URLs, XML IDs and SCORM identifiers. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_ID_LENGTH = 64;

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Optional<String> text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar scalar) {
            if (scalar.text().isBlank()) {
                problems.error(node.location(), what + " is blank", "write the text, or remove the key");
                return Optional.empty();
            }
            return Optional.of(scalar.text().strip());
        }
        problems.error(node.location(), what + " must be a text, but it is " + node.describe(),
                "write it on the same line after the colon; quote it if it contains ': '");
        return Optional.empty();
    }

    Optional<String> id(YamlNode node, String what) {
        Optional<String> text = text(node, what);
        if (text.isPresent() && (!ID.matcher(text.get()).matches() || text.get().length() > MAX_ID_LENGTH)) {
            problems.error(node.location(), what + " '" + text.get() + "' is not a valid id",
                    "use lower-case letters, digits and single hyphens, at most " + MAX_ID_LENGTH
                            + " characters, e.g. 'strong-passwords'");
            return Optional.empty();
        }
        return text;
    }

    Optional<Boolean> bool(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar scalar) {
            switch (scalar.text()) {
                case "true": return Optional.of(true);
                case "false": return Optional.of(false);
                default: break;
            }
        }
        problems.error(node.location(), what + " must be true or false, but it is " + node.describe(),
                "write `true` or `false`");
        return Optional.empty();
    }

    Optional<Integer> integer(YamlNode node, String what, int min, int max) {
        if (node instanceof YamlNode.Scalar scalar) {
            try {
                int value = Integer.parseInt(scalar.text().strip());
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.error(node.location(), what + " must be a whole number from " + min + " to " + max
                + ", but it is " + node.describe(), "write a number such as " + ((min + max) * 7 / 10));
        return Optional.empty();
    }

    Optional<List<YamlNode>> list(YamlNode node, String what, int minItems) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.error(node.location(), what + " must be a list (lines starting with '- '), but it is "
                    + node.describe(), "write each item on its own line, starting with '- '");
            return Optional.empty();
        }
        if (sequence.items().size() < minItems) {
            problems.error(node.location(), what + " needs at least " + minItems + " item(s), but has "
                    + sequence.items().size(), "add the missing items");
            return Optional.empty();
        }
        return Optional.of(sequence.items());
    }
}
