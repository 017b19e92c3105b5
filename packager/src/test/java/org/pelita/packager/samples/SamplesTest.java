package org.pelita.packager.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.archive.ZipSizes;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.Asset;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.Target;
import org.pelita.packager.target.Targets;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.validate.PackageValidator;
import org.pelita.packager.validate.Severity;

/**
 * Every module under samples/ builds in every target, language mode and layout without a warning, every package passes
 * {@code validate} without an error or a warning, and each one-language package stays under 500 KB without its media (issue 6: the
 * learners pay for every megabyte). New samples are found by listing the folder: nothing here names them.
 */
class SamplesTest {
    /** Issue 6: each sample package per language under 500 KB without media. */
    static final long BUDGET_BYTES = 500 * 1024;
    private static final LrsConnection LRS = LrsConnection.of("https://lrs.example.org/xapi/", "pkg-sample:secret",
            "a-pseudonym-key-of-some-length");

    @TempDir
    static Path out;

    /** One way of building: a target with options, and whether its packages are one language each. */
    record Variant(String name, Target target, BuildOptions options, boolean oneLanguagePerPackage) {
    }

    static List<Variant> variants(Module module) {
        List<Variant> variants = new ArrayList<>();
        Target scorm12 = Targets.byName("scorm12").orElseThrow();
        Target cmi5 = Targets.byName("cmi5").orElseThrow();
        variants.add(new Variant("scorm12", scorm12, BuildOptions.defaults(), true));
        variants.add(new Variant("scorm12 --multilingual", scorm12,
                new BuildOptions(LanguageMode.MULTILINGUAL, Optional.empty(), UnitLayout.SINGLE), false));
        variants.add(new Variant("scorm12 --sco-per-lesson", scorm12,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.PER_LESSON), true));
        variants.add(new Variant("scorm12 --lrs-endpoint", scorm12,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)), true));
        variants.add(new Variant("xapi", Targets.byName("xapi").orElseThrow(), BuildOptions.defaults(), true));
        variants.add(new Variant("cmi5", cmi5, BuildOptions.defaults(), true));
        variants.add(new Variant("cmi5 --sco-per-lesson", cmi5,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.PER_LESSON), true));
        Target web = Targets.byName("web").orElseThrow();
        variants.add(new Variant("web", web,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)),
                module.languages().size() == 1));
        for (String language : module.languages()) {
            variants.add(new Variant("web --lang " + language, web,
                    new BuildOptions(LanguageMode.ONE, Optional.of(language), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)), true));
        }
        return variants;
    }

    @TestFactory
    Stream<DynamicNode> everySampleBuildsInEveryTargetAndEachPackagePassesValidate() throws Exception {
        assertThat(Repository.samples()).as("samples/ holds modules").isNotEmpty();
        List<DynamicNode> perSample = new ArrayList<>();
        for (Path sample : Repository.samples()) {
            Module module = new ModuleLoader().load(sample).module();
            List<DynamicTest> tests = variants(module).stream()
                    .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> buildAndValidate(sample, variant))).toList();
            perSample.add(DynamicContainer.dynamicContainer(sample.getFileName().toString(), tests));
        }
        return perSample.stream();
    }

    private static void buildAndValidate(Path sample, Variant variant) throws Exception {
        Path dir = Files.createTempDirectory(out, sample.getFileName() + "-");
        Packager.Result result = new Packager().build(sample, variant.target(), variant.options(), dir);
        assertThat(result.warnings()).as("build warnings").isEmpty();
        assertThat(result.packages()).isNotEmpty();
        for (Path zip : result.packages()) {
            assertThat(PackageValidator.validate(zip).findings()).as("validate " + zip.getFileName())
                    .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.INFO));
            if (variant.oneLanguagePerPackage()) {
                assertThat(ZipSizes.without(zip, Asset.DIRECTORY)).as(zip.getFileName() + " without media").isLessThan(BUDGET_BYTES);
            }
        }
    }

    /**
     * The pilot's modules (every sample but the feature tour, which shows the format) have the shape issue 6 asks: the
     * pilot's four languages, 4 to 6 lessons, a pre-test and a post-test of 8 to 12 questions that share questions (so
     * results compare before and after) and use several question types.
     */
    @Test
    void thePilotModulesHaveFourLanguagesFourToSixLessonsAndComparablePreAndPostTests() throws Exception {
        for (Path sample : Repository.samples()) {
            if (sample.getFileName().toString().equals("feature-tour")) {
                continue;
            }
            Module module = new ModuleLoader().load(sample).module();
            String name = sample.getFileName().toString();
            assertThat(module.languages()).as(name).startsWith("en").contains("id", "th", "vi");
            assertThat(module.lessons()).as(name + " lessons").hasSizeBetween(4, 6);
            Quiz pre = module.preTest().orElseThrow();
            Quiz post = module.postTest().orElseThrow();
            assertThat(pre.questions()).as(name + " pre-test").hasSizeBetween(8, 12);
            assertThat(post.questions()).as(name + " post-test").hasSizeBetween(8, 12);
            List<String> preIds = pre.questions().stream().map(Question::id).toList();
            assertThat(post.questions().stream().map(Question::id).filter(preIds::contains)).as(name + " questions in both tests")
                    .hasSizeGreaterThanOrEqualTo(8);
            assertThat(Stream.concat(pre.questions().stream(), post.questions().stream()).map(q -> q.getClass().getSimpleName())
                    .distinct()).as(name + " question types").hasSizeGreaterThanOrEqualTo(4);
            assertThat(module.masteryScore()).as(name + " mastery score").isPresent();
        }
    }
}
