package org.pelita.packager.target.scorm12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.content.ContentRenderer;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.RenderOptions;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.SavedStateBudget;
import org.pelita.packager.content.Unit;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.content.UnitPlanner;
import org.pelita.packager.content.XapiActivities;
import org.pelita.packager.model.Asset;
import org.pelita.packager.model.Module;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;
import org.pelita.packager.target.PackageLanguages;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.UnsupportedOptionsException;
import org.pelita.packager.target.scorm12.manifest.Item;
import org.pelita.packager.target.scorm12.manifest.Lom;
import org.pelita.packager.target.scorm12.manifest.Manifest;
import org.pelita.packager.target.scorm12.manifest.Metadata;
import org.pelita.packager.target.scorm12.manifest.Organization;
import org.pelita.packager.target.scorm12.manifest.Organizations;
import org.pelita.packager.target.scorm12.manifest.Resource;
import org.pelita.packager.target.scorm12.manifest.Resources;

/**
 * SCORM 1.2 packages: imsmanifest.xml and its schemas at the zip root, one SCO per unit, and the shared
 * runtime, styles and media as one asset resource every SCO depends on.
 */
public final class Scorm12Target implements Target {
    public static final String MANIFEST = "imsmanifest.xml";
    /** SCORM 1.2 cmi.suspend_data is CMIString4096; Moodle's strict mode allows 4,095 characters. */
    public static final int SUSPEND_DATA_LIMIT = 4095;
    private static final String SHARED = "RES-shared";
    private static final RenderOptions RENDER = new RenderOptions("scorm12.js", List.of());
    /** The composite adapter of SCORM 1.2 with xAPI: it loads after the xAPI core and the SCORM 1.2 adapter. */
    public static final String XAPI_ADAPTER = "scorm12-xapi.js";

    private final ContentRenderer renderer = new ContentRenderer();

    @Override
    public String name() {
        return "scorm12";
    }

    @Override
    public List<PackageContents> build(Module module, BuildOptions options) throws PackagingException {
        if (options.lrs().isPresent() && options.layout() != UnitLayout.SINGLE) {
            throw new UnsupportedOptionsException("a SCORM 1.2 package that also reports to an LRS has one SCO for the whole module"
                    + " (xAPI reports the module's status from one launch): --sco-per-lesson cannot be combined with --lrs-endpoint");
        }
        RenderOptions render = renderOptions(module, options);
        List<Unit> units = UnitPlanner.plan(module, options.layout());
        List<PackageContents> packages = new ArrayList<>();
        for (List<String> languages : PackageLanguages.of(module, options)) {
            for (Unit unit : units) {
                int worst = SavedStateBudget.worstCase(module, unit, languages);
                if (worst > SUSPEND_DATA_LIMIT) {
                    throw new PackagingException("unit '" + unit.id() + "' may save up to " + worst
                            + " characters of learner state, over SCORM 1.2's limit of " + SUSPEND_DATA_LIMIT
                            + ": build with --sco-per-lesson, or use fewer questions in one unit");
                }
            }
            packages.add(pack(module, units, languages, render));
        }
        return packages;
    }

    /**
     * Without an LRS, the SCORM 1.2 adapter alone and no connection allowed. With one, the xAPI core, the SCORM 1.2
     * adapter and the composite adapter that sends every call to both; the policy allows exactly the LRS's origin.
     */
    public static RenderOptions renderOptions(Module module, BuildOptions options) {
        if (options.lrs().isEmpty()) {
            return RENDER;
        }
        LrsConnection lrs = options.lrs().get();
        String moduleIri = XapiActivities.moduleIri(module, options.activityBase().orElse(XapiActivities.DEFAULT_BASE));
        return new RenderOptions(XAPI_ADAPTER, List.of(lrs.origin()), List.of("xapi.js", "pseudonym.js", RENDER.adapterScript()),
                Optional.of(moduleIri), Optional.of(lrs));
    }

    private PackageContents pack(Module module, List<Unit> units, List<String> languages, RenderOptions render) {
        List<PackageEntry> entries = new ArrayList<>();
        List<String> sharedFiles = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : RuntimeFiles.forScripts(render.scripts()).entrySet()) {
            entries.add(PackageEntry.of(file.getKey(), file.getValue()));
            sharedFiles.add(file.getKey());
        }
        for (Asset asset : module.assets()) {
            entries.add(PackageEntry.copy(asset.packagePath(), asset.source()));
            sharedFiles.add(asset.packagePath());
        }
        List<Item> items = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        String first = languages.get(0);
        for (Unit unit : units) {
            String html = renderer.render(module, unit, languages, render);
            entries.add(PackageEntry.of(unit.file(), html.getBytes(StandardCharsets.UTF_8)));
            Integer mastery = unit.postTest().isPresent() && module.masteryScore().isPresent()
                    ? module.masteryScore().getAsInt() : null;
            items.add(new Item("ITEM-" + unit.id(), "RES-" + unit.id(), unit.title().in(first), mastery));
            resources.add(Resource.sco("RES-" + unit.id(), unit.file(), List.of(unit.file()), List.of(SHARED)));
        }
        resources.add(Resource.asset(SHARED, sharedFiles));
        String suffix = PackageLanguages.suffix(languages);
        Manifest manifest = new Manifest("MANIFEST-" + module.id() + "-" + module.version() + "-" + suffix, module.version(),
                new Metadata(lom(module, languages)),
                new Organizations(new Organization("ORG-" + module.id(), module.title().in(first), items)),
                new Resources(resources));
        entries.add(PackageEntry.of(MANIFEST, ManifestWriter.write(manifest)));
        for (String schema : Scorm12Schema.PACKAGE_FILES) {
            entries.add(PackageEntry.of(schema, schemaBytes(schema)));
        }
        return new PackageContents(module.id() + "-" + module.version() + "-scorm12-" + suffix + ".zip", entries);
    }

    private static Lom lom(Module module, List<String> languages) {
        return new Lom(module.id(),
                languages.stream().map(l -> new Lom.LangString(l, module.title().in(l))).toList(),
                languages,
                languages.stream().map(l -> new Lom.LangString(l, module.description().in(l))).toList(),
                module.version());
    }

    private static byte[] schemaBytes(String name) {
        try (InputStream in = Scorm12Schema.open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
