package org.pelita.packager.content;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The jte templates of src/main/jte, precompiled at build time and HTML-escaped by context by default. */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    static String render(String template, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, view, out);
        return out.toString();
    }
}
