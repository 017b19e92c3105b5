package org.pelita.packager.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pelita.packager.Packager;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.scorm12.Scorm12Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the build: generates a module of N pages (with quizzes and an image), builds it once in this fresh
 * JVM (the cold build an author waits for), then several times warm, and prints times and sizes.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures build time and package size on a generated module, or with --samples the sizes of real"
                + " modules (see docs/benchmarks.md).")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--pages", defaultValue = "50", description = "Pages in the generated module (default: ${DEFAULT-VALUE}).")
    private int pages;

    @Option(names = "--runs", defaultValue = "20", description = "Warm builds to time after the first (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--samples", paramLabel = "<folder>",
            description = "Instead: print the package sizes of every module in <folder> (e.g. samples), per target and language.")
    private Path samples;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("pelita-bench-");
        try {
            if (samples != null) {
                SampleSizes.print(samples, work, out);
                return 0;
            }
            Path module = generate(work.resolve("module"), pages);
            Packager packager = new Packager();
            long start = System.nanoTime();
            Path zip = packager.build(module, new Scorm12Target(), BuildOptions.defaults(), work.resolve("out")).packages().get(0);
            double coldMs = (System.nanoTime() - start) / 1e6;
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                packager.build(module, new Scorm12Target(), BuildOptions.defaults(), work.resolve("out"));
                warm.add((System.nanoTime() - t) / 1e6);
            }
            warm.sort(Comparator.naturalOrder());
            out.printf("module: %d pages, 2 quizzes (24 questions), 1 image, 1 language%n", pages);
            out.printf("first build after JVM start: %.0f ms (JVM start to end of first build: %d ms)%n", coldMs, sinceJvmStart);
            out.printf("warm builds (%d): median %.1f ms, min %.1f ms, max %.1f ms%n", runs,
                    warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1));
            out.printf("package: %,d bytes zipped; index.html %,d bytes%n", Files.size(zip),
                    uncompressedSize(zip, "index.html"));
            out.printf("runtime JavaScript + CSS (all files, uncompressed): %,d bytes%n", RuntimeFiles.totalSize());
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static long uncompressedSize(Path zip, String name) throws IOException {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            return file.getEntry(name).getSize();
        }
    }

    /** A module of realistic pages: a few paragraphs, a list, a table and an image each, ten pages a lesson. */
    static Path generate(Path dir, int pages) throws IOException {
        int lessons = (pages + 9) / 10;
        Files.createDirectories(dir.resolve("media"));
        Files.writeString(dir.resolve("media/figure.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<rect width=\"10\" height=\"10\" fill=\"#0b5cad\"/></svg>\n");
        StringBuilder yaml = new StringBuilder("id: bench\nversion: 1.0.0\nlanguages: [en]\ntitle: Benchmark module\n"
                + "description: A generated module for measuring builds.\nmasteryScore: 70\nlessons:\n");
        int page = 0;
        for (int l = 1; l <= lessons; l++) {
            yaml.append("  - id: lesson-").append(l).append("\n    title: Lesson ").append(l).append("\n    pages:\n");
            Path lessonDir = Files.createDirectories(dir.resolve("content/en/lesson-" + l));
            for (int p = 1; p <= 10 && page < pages; p++, page++) {
                yaml.append("      - page-").append(p).append('\n');
                Files.writeString(lessonDir.resolve("page-" + p + ".md"), pageText(l, p));
            }
        }
        yaml.append("quizzes:\n");
        for (String kind : List.of("pre-test", "post-test")) {
            yaml.append("  - id: ").append(kind).append("\n    kind: ").append(kind).append("\n    title: ").append(kind)
                    .append("\n    questions:\n");
            for (int q = 1; q <= 12; q++) {
                yaml.append("      - id: ").append(kind).append("-q").append(q).append("\n        type: single-choice\n")
                        .append("        prompt: Which answer is right for question ").append(q).append("?\n        choices:\n")
                        .append("          - text: This one\n            correct: true\n            feedback: Yes, because it is.\n")
                        .append("          - text: That one\n            feedback: No, it is the other.\n")
                        .append("          - text: Neither\n");
            }
        }
        Files.writeString(dir.resolve("module.yaml"), yaml);
        return dir;
    }

    private static String pageText(int lesson, int page) {
        String paragraph = "Digital safety is a practice, not a product. Each habit described here lowers the chance that "
                + "an account, a device or a conversation is exposed, and together they protect the people you work with. ";
        return "# Lesson " + lesson + ", page " + page + "\n\n" + paragraph.repeat(3) + "\n\n## What to do\n\n"
                + "- Use a **different** passphrase for every account.\n- Turn on *two-step verification*.\n"
                + "- Keep backup codes away from your phone.\n\n| Habit | Protects against |\n| --- | --- |\n"
                + "| Passphrases | guessing |\n| Two-step verification | stolen passwords |\n\n"
                + "![A blue square](../../../media/figure.svg)\n\n" + paragraph.repeat(2) + "\n";
    }
}
