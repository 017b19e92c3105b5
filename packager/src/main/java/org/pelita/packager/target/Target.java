package org.pelita.packager.target;

import java.util.List;
import org.pelita.packager.model.Module;

/** An output format. Each target turns a checked module into the packages of its format. */
public interface Target {
    /** The name used on the command line, e.g. "scorm12". */
    String name();

    List<PackageContents> build(Module module, BuildOptions options) throws PackagingException;
}
