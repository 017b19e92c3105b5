package org.pelita.packager.content;

import java.util.List;
import org.pelita.packager.content.view.WebHead;
import org.pelita.packager.content.view.WebIndexView;
import org.pelita.packager.content.view.WebStartView;
import org.pelita.packager.model.Module;

/**
 * The two static pages of the web target around the module's pages (learn-&lt;lang&gt;.html): index.html, which lists
 * the module's language versions, and one start page per version, where the learner enters a pseudonymous code
 * (runtime/web-start.js). Rendered by the templates in src/main/jte/web/; their texts are the module's interface
 * texts ({@code code*} keys of ui-texts.yaml), so modules can change them and every built-in language has them.
 */
public final class WebPages {
    /** Pages that send nothing: scripts and styles from the site only, no connection at all. */
    private static final String CSP = new RenderOptions("web-start.js", List.of()).contentSecurityPolicy();

    private WebPages() {
    }

    /** One version of the module on the site: its languages, its start page and its learning page. */
    public record Version(List<String> languages, String startPage, String learnPage) {
    }

    /** index.html: the module's title and description, and a link per version, each in its own language. */
    public static String index(Module module, List<Version> versions) {
        String first = versions.get(0).languages().get(0);
        List<WebIndexView.VersionLink> links = versions.stream().map(version -> {
            String l = version.languages().get(0);
            String name = String.join(" · ", version.languages().stream().map(UnitViews::autonym).toList());
            return new WebIndexView.VersionLink(l, UnitViews.dir(l), name, version.startPage(), module.title().in(l));
        }).toList();
        return Templates.render("web/index.jte", new WebIndexView(head(module, first), module.description().in(first),
                module.ui().get(first).get("chooseLanguage"), links));
    }

    /** A start page: the code form (or the remembered code, with "Not you?"), in the version's first language. */
    public static String start(Module module, Version version) {
        String l = version.languages().get(0);
        return Templates.render("web/start.jte", new WebStartView(head(module, l), module.ui().get(l), version.learnPage(),
                RuntimeFiles.DIR + "/web-start.js"));
    }

    private static WebHead head(Module module, String language) {
        return new WebHead(language, UnitViews.dir(language), module.title().in(language), CSP,
                RuntimeFiles.DIR + "/" + RuntimeFiles.STYLESHEET, module.quickExitUrl().toString(),
                module.ui().get(language).get("quickExit"));
    }
}
