package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.activityWithDefinition;
import static org.pelita.lrs.xapi.validation.Statements.contextWith;
import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Extensions (xAPI 1.0.3 Data §4.1; xAPI 2.0 §4.2.7), in Activity Definitions, Results and Contexts: keys are
 * IRIs; values are never judged, and may be null, empty strings or empty objects.
 */
class ExtensionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'http://example.com/ex': null}", "{'http://example.com/ex': ''}",
        "{'http://example.com/ex': {}}", "{'http://example.com/ex': true}", "{'http://example.com/ex': 12345}",
        "{'http://example.com/ex': {'key': [null, 1, 'x']}}", "{'http://example.com/ex': 'X:\\\\meetings'}"})
    void anyValueIsAcceptedEverywhere(String extensions) {
        for (XapiVersion v : XapiVersion.values()) {
            accepts(activityWithDefinition("{'extensions': " + extensions + "}"), v);
            accepts(statementWith("result", "{'extensions': " + extensions + "}"), v);
            accepts(contextWith("{'extensions': " + extensions + "}"), v);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void everyKeyIsAnIri(XapiVersion v) {
        rejects(activityWithDefinition("{'extensions': {'not.valid.com/extension': 1234}}"), v)
                .at("$.object.definition.extensions['not.valid.com/extension']").breaking(Rule.EXTENSION_KEY);
        rejects(statementWith("result", "{'extensions': {'http://example.com/a': 1, 'should fail': true}}"), v)
                .at("$.result.extensions['should fail']").breaking(Rule.EXTENSION_KEY);
        rejects(contextWith("{'extensions': {'id': 'x'}}"), v).at("$.context.extensions.id").breaking(Rule.EXTENSION_KEY);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void extensionsIsAnObject(XapiVersion v) {
        rejects(contextWith("{'extensions': ['http://example.com/ex']}"), v)
                .at("$.context.extensions").breaking(Rule.WRONG_TYPE);
        rejects(contextWith("{'extensions': null}"), v).at("$.context.extensions").breaking(Rule.NULL_VALUE);
    }
}
