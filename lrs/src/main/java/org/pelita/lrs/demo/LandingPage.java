package org.pelita.lrs.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's landing page: each sample with its title, languages and a link to take it, and the dashboard with
 * where to find its sign-in (never the secret itself). Plain HTML with every text escaped; it loads only its own
 * stylesheet.
 */
final class LandingPage {
    static final String STYLESHEET = """
            body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 42rem; padding: 1rem; color: #1b1b1b; }
            h1 { font-size: 1.6rem; }
            ul.samples { list-style: none; padding: 0; }
            ul.samples > li { border: 1px solid #8a8a8a; border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
            ul.samples h3 { margin: 0 0 .25rem; font-size: 1.2rem; }
            a { color: #0b4f9c; }
            a.take { display: inline-block; margin-top: .5rem; padding: .5rem 1rem; background: #0b4f9c; color: #fff;
                     border-radius: .35rem; text-decoration: none; font-weight: 600; }
            a:focus-visible { outline: 3px solid #e0a800; outline-offset: 2px; }
            code { background: #f0f0f0; padding: 0 .2rem; }
            """;

    private LandingPage() {
    }

    /**
     * @param published the samples whose release is published on the LRS, with its version
     * @param sitePath  where the samples are served, such as {@code /demo}
     * @param readerKey the dashboard credential's key (its secret is printed on the console only)
     * @param lmsKey    the key that downloads published packages (its secret too)
     */
    static String render(List<SampleModule> samples, List<String> failed, Map<String, String> published, String sitePath,
                         String readerKey, String lmsKey) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'">
                <meta name="referrer" content="no-referrer">
                <title>Pelita demo</title>
                """);
        html.append("<link rel=\"stylesheet\" href=\"").append(escape(sitePath)).append("/demo.css\">\n</head>\n<body>\n<main>\n");
        html.append("""
                <h1>Pelita demo</h1>
                <p>Each sample module below was just built as a web package that reports to this Learning Record Store.
                Take one as a learner would: choose a language, enter a made-up code (never your e-mail address or
                name), and go through a few pages and questions. Then open the dashboard and watch your progress and
                answers arrive.</p>
                <h2>Sample modules</h2>
                """);
        if (samples.isEmpty()) {
            html.append("<p>No sample module could be built: see the messages on the console.</p>\n");
        } else {
            html.append("<ul class=\"samples\">\n");
            for (SampleModule sample : samples) {
                String first = sample.languages().get(0);
                String headingId = "sample-" + sample.id();
                html.append("<li>\n<h3 id=\"").append(escape(headingId)).append("\" lang=\"").append(escape(first)).append("\">")
                        .append(escape(sample.defaultTitle())).append("</h3>\n");
                html.append("<p>Languages: ").append(escape(languageNames(sample.languages())));
                if (!sample.version().isEmpty()) {
                    html.append(". Version ").append(escape(sample.version()));
                }
                html.append(". Module id <code>").append(escape(sample.id())).append("</code>.</p>\n");
                html.append("<a class=\"take\" href=\"").append(escape(sitePath + "/" + sample.id() + "/")).append("\" aria-describedby=\"")
                        .append(escape(headingId)).append("\">Take this module</a>\n");
                if (published.containsKey(sample.id())) {
                    html.append("<p>For an LMS, SCORM 1.2 of release ").append(escape(published.get(sample.id())))
                            .append(" (each address gives the latest release):");
                    for (String language : sample.languages()) {
                        html.append(" <a href=\"").append(escape("/packages/" + sample.id() + "/latest/scorm12/" + language + ".zip"))
                                .append("\" hreflang=\"").append(escape(language)).append("\">").append(escape(languageNames(List.of(language))))
                                .append("</a>");
                    }
                    html.append(" (<a href=\"").append(escape("/packages/" + sample.id())).append("\">every package</a>).</p>\n");
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (!failed.isEmpty()) {
            html.append("<p>Not built (see the console for the errors): ").append(escape(String.join(", ", failed))).append(".</p>\n");
        }
        html.append("<h2>Dashboard</h2>\n<p><a href=\"/dashboard/\">Open the dashboard</a>. Sign in with the key <code>")
                .append(escape(readerKey)).append("</code> and the secret printed on the console where the demo was started ")
                .append("(it can read statements and nothing else).</p>\n");
        if (!published.isEmpty()) {
            html.append("<h2>Packages for an LMS</h2>\n<p>Each sample's release is published on this Learning Record Store at ")
                    .append("addresses that never change, and at a <code>latest</code> address that a Moodle activity of type ")
                    .append("<em>Downloaded package</em> updates itself from (docs/packages.md). Downloading needs the key <code>")
                    .append(escape(lmsKey)).append("</code> and the secret printed on the console (it can download packages and ")
                    .append("nothing else).</p>\n");
        }
        html.append("""
                <h2>What happens</h2>
                <p>The packages carry a write-only key that can record statements about their own module only. Your code
                is turned into a keyed hash in the browser, and the Learning Record Store keeps that hash, not the code.
                Everything is recorded on this computer only.</p>
                </main>
                </body>
                </html>
                """);
        return html.toString();
    }

    /** "English, Indonesian" (names in English, for this English page). */
    static String languageNames(List<String> tags) {
        return String.join(", ", tags.stream().map(tag -> {
            String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
            return name.isEmpty() || name.equals(tag) ? tag : name;
        }).toList());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
