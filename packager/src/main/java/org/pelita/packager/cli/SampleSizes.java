package org.pelita.packager.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.pelita.packager.Packager;
import org.pelita.packager.archive.ZipSizes;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Asset;
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.Targets;

/**
 * What each module of a folder costs a learner on a slow link (bench --samples): per target and language, the zip, the
 * zip without its media (the module's own files, under assets/), and the first view, the page and stylesheet a browser needs before it can show text (scripts
 * load deferred, media only when played or scrolled to), as served plain and gzipped.
 */
final class SampleSizes {
    /** Packages are built as for real; the LRS named here is never contacted. */
    private static final LrsConnection LRS = LrsConnection.of("https://lrs.example.org/xapi/", "pkg:secret",
            "a-pseudonym-key-of-some-length");

    private SampleSizes() {
    }

    static void print(Path folder, Path work, PrintWriter out) throws IOException, DefinitionException, PackagingException {
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(folder)) {
            modules = dirs.filter(dir -> Files.isRegularFile(dir.resolve("module.yaml"))).sorted().toList();
        }
        out.printf("%-18s %-14s %-4s %10s %14s %16s %16s%n", "module", "target", "lang", "zip bytes", "without media",
                "first view", "first view gzip");
        for (Path dir : modules) {
            Module module = new ModuleLoader().load(dir).module();
            for (String language : module.languages()) {
                for (String target : List.of("scorm12", "scorm12+xapi", "xapi", "cmi5", "web")) {
                    boolean lrs = target.equals("scorm12+xapi") || target.equals("web");
                    Target built = Targets.byName(target.replace("+xapi", "")).orElseThrow();
                    BuildOptions options = new BuildOptions(LanguageMode.ONE, Optional.of(language), UnitLayout.SINGLE,
                            Optional.empty(), lrs ? Optional.of(LRS) : Optional.empty());
                    Path zip = new Packager().build(dir, built, options, Files.createTempDirectory(work, "sizes-")).packages().get(0);
                    String page = target.equals("web") ? "learn-" + language + ".html" : "index.html";
                    long[] firstView = firstView(zip, page);
                    out.printf("%-18s %-14s %-4s %,10d %,14d %,16d %,16d%n", module.id(), target, language, Files.size(zip),
                            ZipSizes.without(zip, Asset.DIRECTORY), firstView[0], firstView[1]);
                }
            }
        }
    }

    /** The page and the stylesheet, plain and each gzipped as a web server would send them. */
    private static long[] firstView(Path zip, String page) throws IOException {
        long plain = 0;
        long gzipped = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>(List.of(page, RuntimeFiles.DIR + "/" + RuntimeFiles.STYLESHEET));
            for (String name : names) {
                byte[] bytes = file.getInputStream(file.getEntry(name)).readAllBytes();
                plain += bytes.length;
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                    gzip.write(bytes);
                }
                gzipped += compressed.size();
            }
        }
        return new long[] {plain, gzipped};
    }
}
