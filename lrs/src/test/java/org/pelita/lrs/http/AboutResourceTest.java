package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.testing.TestLrs;

/** xAPI 1.0.3 Communication §2.8: the About resource, and the health endpoint beside it. */
class AboutResourceTest {
    private static TestLrs lrs;

    @BeforeAll
    static void start() {
        lrs = TestLrs.h2();
    }

    @AfterAll
    static void stop() {
        lrs.close();
    }

    @Test
    void aboutListsBothVersionsWithoutCredentialsOrVersionHeader() {
        var response = lrs.client(null, null).get("/about");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version")).extracting(v -> v.asText()).containsExactlyInAnyOrder("2.0.0", "1.0.3");
        assertThat(response.json().get("extensions").isObject()).isTrue();
    }

    @Test
    void healthSaysUpWhenTheDatabaseAnswers() {
        var response = lrs.anonymous().get("/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("up");
    }
}
