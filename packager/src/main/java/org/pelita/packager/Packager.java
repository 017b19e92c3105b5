package org.pelita.packager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pelita.packager.archive.DeterministicZip;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.DefinitionProblem;
import org.pelita.packager.definition.LoadedModule;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Target;

/**
 * Builds packages in three phases: load the definition (every error reported together), render every package
 * of the target in memory, then archive. Nothing is written unless the first two phases succeed, and a failure
 * while archiving removes what this build wrote.
 */
public final class Packager {
    /** The zips written and the warnings the author should still read. */
    public record Result(List<Path> packages, List<DefinitionProblem> warnings) {
        public Result {
            packages = List.copyOf(packages);
            warnings = List.copyOf(warnings);
        }
    }

    public Result build(Path moduleDir, Target target, BuildOptions options, Path outDir)
            throws DefinitionException, PackagingException, IOException {
        LoadedModule loaded = new ModuleLoader().load(moduleDir);
        List<PackageContents> packages = target.build(loaded.module(), options);
        List<Path> written = new ArrayList<>();
        try {
            for (PackageContents contents : packages) {
                written.add(DeterministicZip.write(contents, outDir));
            }
        } catch (IOException | RuntimeException e) {
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
        return new Result(written, loaded.warnings());
    }
}
