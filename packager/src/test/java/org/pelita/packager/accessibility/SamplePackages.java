package org.pelita.packager.accessibility;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pelita.packager.Packager;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.target.web.WebTarget;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.TestServer;
import org.pelita.packager.testing.Zips;

/**
 * Every module under samples/ (found at run time, so new samples are tested too) built as SCORM 1.2 packages of one
 * language each and served on 127.0.0.1: the module's first language, and its first language written in a script other
 * than Latin (Thai, say), where text is longer, wraps differently and needs its own fonts.
 */
final class SamplePackages implements AutoCloseable {
    /** One package as a learner opens it without an LMS (preview): its sample, language and index.html URL. */
    record Served(String sample, String language, boolean firstLanguage, String url) {
        @Override
        public String toString() {
            return sample + " (" + language + ")";
        }
    }

    private final TestServer server = new TestServer();
    private final List<Served> packages = new ArrayList<>();
    private final Path work;

    SamplePackages(Path work) throws Exception {
        this.work = work;
        for (Path sample : Repository.samples()) {
            Module module = new ModuleLoader().load(sample).module();
            for (String language : languagesToTest(module)) {
                boolean first = language.equals(module.languages().get(0));
                String name = sample.getFileName() + "-" + language;
                Packager.Result built = new Packager().build(sample, new Scorm12Target(),
                        new BuildOptions(LanguageMode.ONE, Optional.of(language), UnitLayout.SINGLE), work.resolve("out-" + name));
                server.mount(name, Zips.extract(built.packages().get(0), work.resolve(name)));
                packages.add(new Served(sample.getFileName().toString(), language, first, server.url("/" + name + "/index.html")));
            }
        }
    }

    List<Served> packages() {
        return packages;
    }

    /** The web target's site of a sample (index.html, a start page per language): the LRS is named but never reached. */
    String webSite(String sample) throws Exception {
        LrsConnection lrs = LrsConnection.of("http://127.0.0.1:9/xapi/", "key:secret", "pseudonym-key-for-accessibility-tests");
        Packager.Result site = new Packager().build(Repository.sample(sample), new WebTarget(),
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(lrs)),
                work.resolve("out-web-" + sample));
        server.mount("web-" + sample, Zips.extract(site.packages().get(0), work.resolve("web-" + sample)));
        return server.url("/web-" + sample + "/");
    }

    static List<String> languagesToTest(Module module) {
        List<String> languages = new ArrayList<>(List.of(module.languages().get(0)));
        module.languages().stream().filter(l -> !languages.contains(l) && nonLatin(module.title().in(l))).findFirst()
                .ifPresent(languages::add);
        return languages;
    }

    private static boolean nonLatin(String text) {
        return text.codePoints().mapToObj(UnicodeScript::of).anyMatch(s -> s != UnicodeScript.LATIN
                && s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED);
    }

    @Override
    public void close() {
        server.close();
    }
}
