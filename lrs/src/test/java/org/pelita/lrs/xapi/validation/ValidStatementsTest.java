package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Valid Statements of the shapes the conformance suite sends (every kind of actor and object, each interaction
 * type, full results and contexts, attachments, voiding, versions, unicode): each file under
 * {@code validation/valid} must pass both versions, and each under {@code validation/valid-2.0} must pass 2.0 and
 * fail 1.0.3, which lacks contextAgents, contextGroups and version 2.0.x.
 */
class ValidStatementsTest {

    static Stream<Arguments> statementsForBothVersions() {
        return files("valid").stream().flatMap(file ->
                Stream.of(XapiVersion.values()).map(v -> Arguments.of(file.getFileName().toString(), v)));
    }

    static Stream<String> statementsFor20Only() {
        return files("valid-2.0").stream().map(file -> file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0} is valid in xAPI {1}")
    @MethodSource("statementsForBothVersions")
    void isAcceptedByBothVersions(String file, XapiVersion version) {
        accepts(read("valid", file), version);
    }

    @ParameterizedTest(name = "{0} is valid in 2.0 only")
    @MethodSource("statementsFor20Only")
    void isAcceptedBy20AndRejectedBy103(String file) {
        JsonNode statement = read("valid-2.0", file);
        accepts(statement, XapiVersion.V2_0_0);
        rejects(statement, XapiVersion.V1_0_3);
    }

    @ParameterizedTest(name = "the corpus passes as one batch in xAPI {0}")
    @EnumSource(XapiVersion.class)
    void theWholeCorpusPassesAsABatch(XapiVersion version) {
        // The same validator instance serves every statement of a batch, each with its own "$[i]" path.
        StatementValidator validator = new StatementValidator(version);
        List<Path> all = files("valid");
        for (int i = 0; i < all.size(); i++) {
            validator.validate(read("valid", all.get(i).getFileName().toString()), "$[" + i + "]");
        }
        assertThat(all).isNotEmpty();
    }

    private static List<Path> files(String folder) {
        try {
            Path dir = Path.of(ValidStatementsTest.class.getResource("/validation/" + folder).toURI());
            try (Stream<Path> listing = Files.list(dir)) {
                return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String folder, String file) {
        try {
            return Json.parse(ValidStatementsTest.class.getResourceAsStream("/validation/" + folder + "/" + file)
                    .readAllBytes(), "statement");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
