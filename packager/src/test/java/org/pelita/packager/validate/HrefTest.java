package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HrefTest {
    @Test
    void aRelativeHrefIsAPathInTheZipWithQueryAndFragmentDropped() {
        assertThat(Href.resolve(null, "lesson/index.html?page=2#top")).isEqualTo(new Href.InZip("lesson/index.html"));
    }

    @Test
    void theBaseIsJoinedAsTextAndDotSegmentsAreResolved() {
        assertThat(Href.resolve("content/", "./a/../index.html")).isEqualTo(new Href.InZip("content/index.html"));
        assertThat(Href.resolve("content", "index.html")).isEqualTo(new Href.InZip("contentindex.html"));
    }

    @Test
    void percentEscapesAreDecodedAsUtf8ButPlusStaysAPlus() {
        assertThat(Href.resolve(null, "caf%C3%A9%20menu+1.html")).isEqualTo(new Href.InZip("café menu+1.html"));
        assertThat(Href.percentDecode("100%")).isEqualTo("100%");
        assertThat(Href.percentDecode("%zz%4")).isEqualTo("%zz%4");
        assertThat(Href.percentDecode("%F0%9F%98%80 😀")).isEqualTo("😀 😀");
    }

    @Test
    void urlsWithASchemeOrProtocolRelativeUrlsAreExternal() {
        assertThat(Href.resolve(null, "https://example.org/x.html")).isInstanceOf(Href.External.class);
        assertThat(Href.resolve(null, "//example.org/x.html")).isInstanceOf(Href.External.class);
        assertThat(Href.resolve("http://cdn.example.org/", "x.html")).isEqualTo(new Href.External("http://cdn.example.org/x.html"));
    }

    @Test
    void absolutePathsDriveLettersAndClimbingAboveTheRootAreOutside() {
        assertThat(Href.resolve(null, "/index.html")).isInstanceOf(Href.Outside.class);
        assertThat(Href.resolve(null, "C:/course/index.html")).isInstanceOf(Href.Outside.class);
        assertThat(Href.resolve(null, "a/../../index.html")).isInstanceOf(Href.Outside.class);
        assertThat(Href.resolve(null, "%2E%2E/index.html")).as("escaped dots too").isInstanceOf(Href.Outside.class);
    }
}
