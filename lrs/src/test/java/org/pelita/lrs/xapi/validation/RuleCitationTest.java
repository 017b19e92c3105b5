package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Every message cites the section that states its rule, in the version the request was made in. */
class RuleCitationTest {

    @Test
    void aMessageStatesTheRuleThenCitesTheVersionsSection() {
        assertThat(Rule.AGENT_IFI.message(XapiVersion.V1_0_3, null)).isEqualTo("an Agent must have exactly one inverse "
                + "functional identifier (mbox, mbox_sha1sum, openid, account) (xAPI 1.0.3 Data §2.4.2.1)");
        assertThat(Rule.AGENT_IFI.message(XapiVersion.V2_0_0, "found none")).isEqualTo("an Agent must have exactly one "
                + "inverse functional identifier (mbox, mbox_sha1sum, openid, account); found none "
                + "(xAPI 2.0 (IEEE 9274.1.1) §4.2.2.1, §4.2.4.2)");
    }

    @Test
    void aVersionNeutralMessageCitesBothVersions() {
        assertThat(Rule.UUID.citation(null)).isEqualTo("xAPI 1.0.3 Data §2.4.1, §4.4; xAPI 2.0 (IEEE 9274.1.1) §4.2.7");
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyRuleHasWordsAndACitation(Rule rule) {
        assertThat(rule.text()).isNotBlank().doesNotEndWith(".");
        assertThat(rule.citation(XapiVersion.V1_0_3)).startsWith("xAPI ");
        assertThat(rule.citation(XapiVersion.V2_0_0)).startsWith("xAPI ");
    }

    @Test
    void rulesOfOneVersionOnlyCiteThatVersion() {
        assertThat(Rule.CONTEXT_AGENT.citation(XapiVersion.V2_0_0)).isEqualTo("xAPI 2.0 (IEEE 9274.1.1) §4.2.2.5");
        assertThat(Rule.INTERACTION_COMPONENT_DISTINCT.citation(XapiVersion.V1_0_3)).isEqualTo("xAPI 1.0.3 Data §2.4.4.1");
    }
}
