package org.pelita.packager.target.tincan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.content.ContentRenderer;
import org.pelita.packager.content.RenderOptions;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.Unit;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.content.UnitPlanner;
import org.pelita.packager.content.XapiActivities;
import org.pelita.packager.model.Asset;
import org.pelita.packager.model.Lesson;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;
import org.pelita.packager.target.PackageLanguages;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.UnsupportedOptionsException;
import org.pelita.packager.target.tincan.xml.TinCanXml;

/**
 * TinCan packages (target {@code xapi}): tincan.xml at the zip root with the module as a course activity and its
 * lessons as module activities, index.html launched by Rustici's launch convention, and the runtime with the
 * xAPI core and the TinCan adapter. The whole module is one launch: the launch's activity_id is the module IRI,
 * and every other activity IRI is derived from it (docs/xapi-profile.md).
 */
public final class TinCanTarget implements Target {
    public static final String DESCRIPTOR = "tincan.xml";
    /**
     * The LRS is named only at launch, so the policy cannot name its origin: any https origin, and plain http only
     * on this computer (a local LRS). Credentials never travel in clear to another host. See docs/xapi-profile.md.
     */
    public static final List<String> CONNECT_SOURCES = List.of("https:", "http://127.0.0.1:*", "http://localhost:*");

    private final ContentRenderer renderer = new ContentRenderer();

    @Override
    public String name() {
        return "xapi";
    }

    @Override
    public List<PackageContents> build(Module module, BuildOptions options) throws PackagingException {
        if (options.layout() != UnitLayout.SINGLE) {
            throw new UnsupportedOptionsException("a TinCan package launches the whole module at once: --sco-per-lesson is for SCORM 1.2 and cmi5 only");
        }
        String moduleIri = XapiActivities.moduleIri(module, options.activityBase().orElse(XapiActivities.DEFAULT_BASE));
        RenderOptions render = renderOptions(moduleIri);
        Unit unit = UnitPlanner.plan(module, UnitLayout.SINGLE).get(0);
        List<PackageContents> packages = new ArrayList<>();
        for (List<String> languages : PackageLanguages.of(module, options)) {
            packages.add(pack(module, unit, languages, render, moduleIri));
        }
        return packages;
    }

    public static RenderOptions renderOptions(String moduleIri) {
        return new RenderOptions("tincan.js", CONNECT_SOURCES, List.of("xapi.js"), Optional.of(moduleIri));
    }

    private PackageContents pack(Module module, Unit unit, List<String> languages, RenderOptions render, String moduleIri) {
        List<PackageEntry> entries = new ArrayList<>();
        entries.add(PackageEntry.of(DESCRIPTOR, descriptor(module, unit, languages, moduleIri)));
        String html = renderer.render(module, unit, languages, render);
        entries.add(PackageEntry.of(unit.file(), html.getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, byte[]> file : RuntimeFiles.forScripts(render.scripts()).entrySet()) {
            entries.add(PackageEntry.of(file.getKey(), file.getValue()));
        }
        for (Asset asset : module.assets()) {
            entries.add(PackageEntry.copy(asset.packagePath(), asset.source()));
        }
        return new PackageContents(module.id() + "-" + module.version() + "-xapi-" + PackageLanguages.suffix(languages) + ".zip", entries);
    }

    static byte[] descriptor(Module module, Unit unit, List<String> languages, String moduleIri) {
        List<TinCanXml.Activity> activities = new ArrayList<>();
        activities.add(new TinCanXml.Activity(moduleIri, XapiActivities.COURSE, texts(module.title(), languages),
                texts(module.description(), languages),
                languages.stream().map(l -> new TinCanXml.LangString(l, unit.file())).toList()));
        for (Lesson lesson : module.lessons()) {
            activities.add(new TinCanXml.Activity(moduleIri + XapiActivities.lessonPath(lesson.id()), XapiActivities.MODULE,
                    texts(lesson.title(), languages), List.of(), List.of()));
        }
        return new TinCanXml(activities).write();
    }

    private static List<TinCanXml.LangString> texts(LocalizedText text, List<String> languages) {
        return languages.stream().map(l -> new TinCanXml.LangString(l, text.in(l))).toList();
    }
}
