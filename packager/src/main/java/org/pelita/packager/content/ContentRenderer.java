package org.pelita.packager.content;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import org.pelita.packager.content.view.UnitView;
import org.pelita.packager.model.Module;

/**
 * Renders units to HTML with jte templates (precompiled at build time, HTML-escaped by context by default).
 * Page bodies are the only unescaped content: the definition loader rendered them from Markdown with raw HTML escaped.
 */
public final class ContentRenderer {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(Module module, Unit unit, List<String> languages, RenderOptions options) {
        UnitView view = new UnitViews(module, unit, languages).build(options, RuntimeData.json(module, unit, languages, options.xapiActivity(), options.lrs()));
        StringOutput out = new StringOutput();
        TEMPLATES.render("unit.jte", view, out);
        return out.toString();
    }
}
