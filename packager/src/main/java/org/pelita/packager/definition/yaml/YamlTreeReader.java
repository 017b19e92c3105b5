package org.pelita.packager.definition.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.pelita.packager.definition.Problems;
import org.pelita.packager.definition.SourceLocation;

/**
 * Reads YAML into a {@link YamlNode} tree with locations, using Jackson's YAML streaming parser.
 * Syntax errors and duplicate keys are reported to {@link Problems}; a document that does not parse yields empty.
 */
public final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final Problems problems;

    public YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    public Optional<YamlNode> read(Reader source) {
        try (JsonParser parser = FACTORY.createParser(source)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(SourceLocation.of(file).atLine(1), "the file is empty",
                        "start from the example in docs/authoring.md");
                return Optional.empty();
            }
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                problems.error(here(parser), "the file holds more than one YAML document (a second '---')",
                        "keep one document per file: remove the second '---' and what follows, or merge it");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceLocation where = at == null ? SourceLocation.of(file)
                    : new SourceLocation(file, at.getLineNr(), at.getColumnNr());
            problems.error(where, "YAML syntax error: " + firstLine(e.getOriginalMessage()),
                    "check indentation (spaces, not tabs) and quote texts that contain ': ' or start with a special character");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(SourceLocation.of(file), "cannot read the file: " + e.getMessage(), null);
            return Optional.empty();
        }
    }

    private YamlNode readValue(JsonParser parser) throws IOException {
        SourceLocation where = here(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, where);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new YamlNode.Sequence(items, where);
            case VALUE_NULL:
                return new YamlNode.Null(where);
            default:
                return new YamlNode.Scalar(parser.getText(), where);
        }
    }

    private YamlNode readMapping(JsonParser parser, SourceLocation where) throws IOException {
        LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourceLocation keyAt = here(parser);
            parser.nextToken();
            YamlNode value = readValue(parser);
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                problems.error(keyAt, "the key '" + key + "' appears twice in this mapping (first at line "
                        + previous.keyLocation().line() + ")", "keep one of them");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(entries, where);
    }

    private SourceLocation here(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new SourceLocation(file, at.getLineNr(), at.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
