package org.pelita.packager.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Module;
import org.pelita.packager.testing.Repository;

class ContentRendererTest {
    private static final RenderOptions SCORM = new RenderOptions("scorm12.js", List.of());

    private static String render(Module module, List<String> languages) {
        Unit unit = UnitPlanner.plan(module, UnitLayout.SINGLE).get(0);
        return new ContentRenderer().render(module, unit, languages, SCORM);
    }

    private static Path fixture(String name) {
        return Repository.fixture(name);
    }

    @Test
    void authorsTextsAreEscapedWhereverTheyAppear() throws Exception {
        String html = render(new ModuleLoader().load(fixture("hostile-text")).module(), List.of("en"));
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt; &amp; \"quotes\"");
        assertThat(html).doesNotContain("<script>alert(").doesNotContain("<span onclick");
        assertThat(html).contains("&lt;script&gt;alert(3)&lt;/script&gt;");
    }

    @Test
    void rawHtmlInPagesIsShownAsTextAndReportedToTheAuthor() throws Exception {
        var loaded = new ModuleLoader().load(fixture("hostile-text"));
        assertThat(loaded.warnings()).extracting(p -> p.location().toString() + " " + p.message()).containsExactly(
                "content/en/basics/intro.md:3 raw HTML is not allowed in pages and will be shown as text",
                "content/en/basics/intro.md:5 raw HTML is not allowed in pages and will be shown as text",
                "content/en/basics/intro.md:5 raw HTML is not allowed in pages and will be shown as text");
    }

    @Test
    void theRuntimeDataCannotEndItsScriptElement() throws Exception {
        String html = render(new ModuleLoader().load(fixture("hostile-text")).module(), List.of("en"));
        String data = html.substring(html.indexOf("<script type=\"application/json\""), html.indexOf("</script>", html.indexOf("id=\"pelita-data\"")));
        assertThat(data).contains("\\u003c/script>");
        assertThat(html.split("</script>", -1)).hasSize(1 + 3); // the data element and the two runtime scripts
    }

    @Test
    void pagesLoadNothingFromOtherSitesAndRunNoInlineScript() throws Exception {
        Module sample = new ModuleLoader().load(Repository.sample("feature-tour")).module();
        String html = render(sample, sample.languages());
        Matcher resources = Pattern.compile("<(script|link|img|audio|source|iframe)\\b[^>]*?(src|href)=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (resources.find()) {
            count++;
            assertThat(resources.group(3)).as(resources.group()).doesNotContain(":").doesNotStartWith("//");
        }
        assertThat(count).isGreaterThan(5);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>");
        assertThat(html).doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;;");
    }

    @Test
    void aMultilingualPageHasEveryLanguageWithItsOwnLangAttribute() throws Exception {
        Module sample = new ModuleLoader().load(Repository.sample("feature-tour")).module();
        String html = render(sample, sample.languages());
        assertThat(html).contains("<div class=\"lang\" lang=\"en\" dir=\"ltr\" id=\"lang-en\">")
                .contains("<div class=\"lang\" lang=\"id\" dir=\"ltr\" id=\"lang-id\">")
                .contains("<option value=\"id\" lang=\"id\">Indonesia</option>")
                .contains("Akun lebih aman dalam sepuluh menit");
    }

    @Test
    void everyFormControlHasALabel() throws Exception {
        Module sample = new ModuleLoader().load(Repository.sample("feature-tour")).module();
        String html = render(sample, List.of("en"));
        Matcher inputs = Pattern.compile("<(input|select)\\b[^>]*\\bid=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (inputs.find()) {
            count++;
            assertThat(html).as("label for " + inputs.group(2)).contains("<label for=\"" + inputs.group(2) + "\"");
        }
        assertThat(count).isGreaterThan(15);
    }
}
