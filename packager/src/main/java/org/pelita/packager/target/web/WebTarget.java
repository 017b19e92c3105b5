package org.pelita.packager.target.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.content.ContentRenderer;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.RenderOptions;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.Unit;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.content.UnitPlanner;
import org.pelita.packager.content.WebPages;
import org.pelita.packager.content.XapiActivities;
import org.pelita.packager.model.Asset;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;
import org.pelita.packager.target.PackageLanguages;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.UnsupportedOptionsException;

/**
 * A standalone static site for partners without an LMS (target {@code web}): one zip to put on any web server, with
 * index.html listing the module's language versions, a start page per version where the learner enters a
 * pseudonymous code (never an e-mail address), and the module's page per version, which reports to the LRS named at
 * build time (docs/xapi-profile.md, "Web target").
 */
public final class WebTarget implements Target {
    public static final String ADAPTER = "web.js";
    public static final String START_SCRIPT = "web-start.js";

    private final ContentRenderer renderer = new ContentRenderer();

    @Override
    public String name() {
        return "web";
    }

    @Override
    public List<PackageContents> build(Module module, BuildOptions options) throws PackagingException {
        if (options.lrs().isEmpty()) {
            throw new UnsupportedOptionsException("the web target reports to an LRS named at build time: give --lrs-endpoint, --lrs-key"
                    + " and --pseudonym-key (see docs/xapi-profile.md)");
        }
        if (options.layout() != UnitLayout.SINGLE) {
            throw new UnsupportedOptionsException("a web site plays the whole module on one page: --sco-per-lesson is for SCORM 1.2 and cmi5 only");
        }
        RenderOptions render = renderOptions(module, options);
        Unit unit = UnitPlanner.plan(module, UnitLayout.SINGLE).get(0);
        List<WebPages.Version> versions = new ArrayList<>();
        List<PackageEntry> pages = new ArrayList<>();
        for (List<String> languages : PackageLanguages.of(module, options)) {
            String suffix = PackageLanguages.suffix(languages);
            WebPages.Version version = new WebPages.Version(languages, "start-" + suffix + ".html", "learn-" + suffix + ".html");
            versions.add(version);
            pages.add(PackageEntry.of(version.startPage(), bytes(WebPages.start(module, version))));
            pages.add(PackageEntry.of(version.learnPage(), bytes(renderer.render(module, unit, languages, render))));
        }
        List<PackageEntry> entries = new ArrayList<>();
        entries.add(PackageEntry.of("index.html", bytes(WebPages.index(module, versions))));
        entries.addAll(pages);
        for (Map.Entry<String, byte[]> file : runtimeFiles(render).entrySet()) {
            entries.add(PackageEntry.of(file.getKey(), file.getValue()));
        }
        for (Asset asset : module.assets()) {
            entries.add(PackageEntry.copy(asset.packagePath(), asset.source()));
        }
        String name = module.id() + "-" + module.version() + "-web"
                + (versions.size() == 1 ? "-" + PackageLanguages.suffix(versions.get(0).languages()) : "") + ".zip";
        return List.of(new PackageContents(name, entries));
    }

    /** The module's pages: the xAPI core, the pseudonyms and the web adapter; connections to the LRS's origin only. */
    public static RenderOptions renderOptions(Module module, BuildOptions options) {
        LrsConnection lrs = options.lrs().orElseThrow();
        String moduleIri = XapiActivities.moduleIri(module, options.activityBase().orElse(XapiActivities.DEFAULT_BASE));
        return new RenderOptions(ADAPTER, List.of(lrs.origin()), List.of("xapi.js", "pseudonym.js"), Optional.of(moduleIri),
                Optional.of(lrs));
    }

    /** What the site carries of the runtime: the module pages' files and the start pages' script. */
    public static Map<String, byte[]> runtimeFiles(RenderOptions render) {
        Map<String, byte[]> files = new LinkedHashMap<>(RuntimeFiles.forScripts(render.scripts()));
        files.putAll(RuntimeFiles.forScripts(List.of(START_SCRIPT)));
        return files;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
