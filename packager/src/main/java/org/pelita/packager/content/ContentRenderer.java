package org.pelita.packager.content;

import java.util.List;
import org.pelita.packager.content.view.UnitView;
import org.pelita.packager.model.Module;

/**
 * Renders units to HTML with the jte template unit.jte (see {@link Templates}).
 * Page bodies are the only unescaped content: the definition loader rendered them from Markdown with raw HTML escaped.
 */
public final class ContentRenderer {
    public String render(Module module, Unit unit, List<String> languages, RenderOptions options) {
        UnitView view = new UnitViews(module, unit, languages).build(options, RuntimeData.json(module, unit, languages, options.xapiActivity(), options.lrs()));
        return Templates.render("unit.jte", view);
    }
}
