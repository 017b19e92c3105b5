package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Assertions on what the validator says: {@code rejects(statement, v).at("$.actor").breaking(Rule.AGENT_IFI)}
 * checks the JSON path, that the message states the rule, and that it cites the section for that version.
 */
final class Verdicts {
    private Verdicts() {
    }

    static void accepts(JsonNode statement, XapiVersion version) {
        assertThatCode(() -> new StatementValidator(version).validate(statement, "$"))
                .as("xAPI %s should accept %s", version.number(), statement)
                .doesNotThrowAnyException();
    }

    static Rejection rejects(JsonNode statement, XapiVersion version) {
        try {
            new StatementValidator(version).validate(statement, "$");
        } catch (InvalidRequestException e) {
            return new Rejection(e, version);
        }
        return fail("xAPI %s should reject %s", version.number(), statement);
    }

    static Rejection rejection(Runnable check, XapiVersion version) {
        try {
            check.run();
        } catch (InvalidRequestException e) {
            return new Rejection(e, version);
        }
        return fail("expected an InvalidRequestException");
    }

    static final class Rejection {
        private final InvalidRequestException exception;
        private final XapiVersion version;

        Rejection(InvalidRequestException exception, XapiVersion version) {
            this.exception = exception;
            this.version = version;
        }

        Rejection at(String path) {
            assertThat(exception.path()).as("path of: %s", exception.getMessage()).isEqualTo(path);
            return this;
        }

        Rejection breaking(Rule rule) {
            assertThat(exception.getMessage())
                    .contains(rule.text())
                    .contains("(" + rule.citation(version) + ")");
            return this;
        }

        Rejection saying(String words) {
            assertThat(exception.getMessage()).contains(words);
            return this;
        }
    }
}
