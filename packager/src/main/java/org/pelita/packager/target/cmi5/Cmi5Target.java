package org.pelita.packager.target.cmi5;

import java.math.BigDecimal;
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
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;
import org.pelita.packager.target.PackageLanguages;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.cmi5.xml.CourseStructure;
import org.pelita.packager.target.tincan.TinCanTarget;

/**
 * cmi5 packages (cmi5 section 14.1): cmi5.xml at the zip root (the course structure, valid against CourseStructure.xsd)
 * with the module as the course and one assignable unit (AU) per unit of the layout: the whole module, or (per-lesson
 * layout) the pre-test, each lesson and the post-test, as SCORM's SCOs. The runtime is the xAPI core with the cmi5
 * adapter, which follows the cmi5 launch sequence (docs/xapi-profile.md).
 */
public final class Cmi5Target implements Target {
    public static final String DESCRIPTOR = "cmi5.xml";
    public static final String MOVE_ON_COMPLETED = "Completed";
    public static final String MOVE_ON_PASSED = "Passed";
    public static final String MOVE_ON_COMPLETED_AND_PASSED = "CompletedAndPassed";

    private final ContentRenderer renderer = new ContentRenderer();

    @Override
    public String name() {
        return "cmi5";
    }

    @Override
    public List<PackageContents> build(Module module, BuildOptions options) throws PackagingException {
        String moduleIri = XapiActivities.moduleIri(module, options.activityBase().orElse(XapiActivities.DEFAULT_BASE));
        RenderOptions render = renderOptions(moduleIri);
        List<Unit> units = UnitPlanner.plan(module, options.layout());
        List<PackageContents> packages = new ArrayList<>();
        for (List<String> languages : PackageLanguages.of(module, options)) {
            packages.add(pack(module, units, options.layout(), languages, render, moduleIri));
        }
        return packages;
    }

    /** The LRS is named only at launch: the same connect sources as a TinCan package (docs/xapi-profile.md). */
    public static RenderOptions renderOptions(String moduleIri) {
        return new RenderOptions("cmi5.js", TinCanTarget.CONNECT_SOURCES, List.of("xapi.js"), Optional.of(moduleIri));
    }

    /** The publisher id of a unit's AU: the module IRI, "/units/", the unit id (module, pre-test, lesson-…, post-test). */
    public static String auIri(String moduleIri, Unit unit) {
        return moduleIri + "/units/" + unit.id();
    }

    private PackageContents pack(Module module, List<Unit> units, UnitLayout layout, List<String> languages,
                                 RenderOptions render, String moduleIri) {
        List<PackageEntry> entries = new ArrayList<>();
        entries.add(PackageEntry.of(DESCRIPTOR, descriptor(module, units, layout, languages, moduleIri)));
        for (Unit unit : units) {
            String html = renderer.render(module, unit, languages, render);
            entries.add(PackageEntry.of(unit.file(), html.getBytes(StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, byte[]> file : RuntimeFiles.forScripts(render.scripts()).entrySet()) {
            entries.add(PackageEntry.of(file.getKey(), file.getValue()));
        }
        for (Asset asset : module.assets()) {
            entries.add(PackageEntry.copy(asset.packagePath(), asset.source()));
        }
        return new PackageContents(module.id() + "-" + module.version() + "-cmi5-" + PackageLanguages.suffix(languages) + ".zip", entries);
    }

    static byte[] descriptor(Module module, List<Unit> units, UnitLayout layout, List<String> languages, String moduleIri) {
        CourseStructure.Course course = new CourseStructure.Course(moduleIri, texts(module.title(), languages),
                texts(module.description(), languages));
        List<CourseStructure.Au> aus = new ArrayList<>();
        for (Unit unit : units) {
            boolean judged = unit.postTest().isPresent() && module.masteryScore().isPresent();
            // A unit that is only the post-test is done when it is passed; the whole module also needs its pages seen.
            String moveOn = !judged ? MOVE_ON_COMPLETED : layout == UnitLayout.SINGLE ? MOVE_ON_COMPLETED_AND_PASSED : MOVE_ON_PASSED;
            BigDecimal mastery = judged ? BigDecimal.valueOf(module.masteryScore().getAsInt()).movePointLeft(2).stripTrailingZeros() : null;
            aus.add(new CourseStructure.Au(auIri(moduleIri, unit), moveOn, mastery, "AnyWindow", texts(unit.title(), languages),
                    texts(module.description(), languages), unit.file()));
        }
        return new CourseStructure(course, aus).write();
    }

    private static List<CourseStructure.LangString> texts(LocalizedText text, List<String> languages) {
        return languages.stream().map(l -> new CourseStructure.LangString(l, text.in(l))).toList();
    }
}
