package org.pelita.lrs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.http.Dashboard;
import org.pelita.lrs.testing.TestLrs;

/** The real LRS serves the dashboard's files and uPlot from the classpath, with the security headers, without credentials. */
class DashboardFilesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestLrs lrs;

    @BeforeAll
    static void start() {
        lrs = TestLrs.h2();
    }

    @AfterAll
    static void stop() {
        lrs.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lrs.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void redirectsToTheFolder() throws Exception {
        HttpResponse<String> response = get("/dashboard");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard/");
    }

    @Test
    void servesThePageWithStrictHeaders() throws Exception {
        HttpResponse<String> response = get("/dashboard/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<script src=\"dashboard.js\" defer></script>").doesNotContain("<style", "style=", "onclick", "http://", "https://");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.CONTENT_SECURITY_POLICY);
        assertThat(Dashboard.CONTENT_SECURITY_POLICY).startsWith("default-src 'self';").doesNotContain("unsafe");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void servesItsScriptStylesAndUplotFromTheClasspath() throws Exception {
        HttpResponse<String> script = get("/dashboard/dashboard.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(get("/dashboard/dashboard.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");

        HttpResponse<String> uplot = get("/dashboard/vendor/uplot/dist/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(uplot.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.CONTENT_SECURITY_POLICY);
        assertThat(uplot.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("/dashboard/vendor/uplot/dist/uPlot.min.css").statusCode()).isEqualTo(200);
    }

    @Test
    void servesNothingElse() throws Exception {
        assertThat(get("/dashboard/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/vendor/uplot/../../../db/migration/").statusCode()).isIn(400, 404);
        assertThat(get("/dashboard/vendor/uplot/LICENSE").statusCode()).isEqualTo(200); // the WebJar's version folder
        assertThat(get("/dashboard/vendor/uplot/../../../META-INF/maven/org.webjars.npm/uplot/pom.properties").statusCode()).isIn(400, 404);
    }
}
