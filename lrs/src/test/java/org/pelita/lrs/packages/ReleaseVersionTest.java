package org.pelita.lrs.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.xapi.InvalidRequestException;

/** Module versions in Semantic Versioning 2.0.0 §11 precedence, which decides what latest is. */
class ReleaseVersionTest {
    private static List<String> sorted(String... versions) {
        return Stream.of(versions).map(ReleaseVersion::parse).sorted().map(ReleaseVersion::text).toList();
    }

    @Test
    void numbersCompareAsNumbersNotAsText() {
        assertThat(sorted("1.10.0", "1.9.0", "1.2", "10.0.0", "2")).containsExactly("1.2", "1.9.0", "1.10.0", "2", "10.0.0");
    }

    @Test
    void aPreReleaseComesBeforeItsReleaseAndPreReleasesCompareByIdentifiers() {
        // The example of SemVer §11.4.
        assertThat(sorted("1.0.0", "1.0.0-rc.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.1",
                "1.0.0-alpha")).containsExactly("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    }

    @Test
    void onlyVersionsWithAPreReleasePartArePreReleases() {
        assertThat(ReleaseVersion.parse("2.0.0-rc.1").isPreRelease()).isTrue();
        assertThat(ReleaseVersion.parse("2.0.0").isPreRelease()).isFalse();
    }

    @Test
    void textThatIsNotAVersionIsRefusedSayingWhatAVersionIs() {
        for (String bad : new String[] {"", "v1", "1.0.0.0", "1..0", "latest", "1.0.0-", "1.0.0+build"}) {
            assertThatThrownBy(() -> ReleaseVersion.parse(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("is not a module version");
        }
    }
}
