package org.pelita.packager.target;

import java.util.List;
import java.util.Optional;
import org.pelita.packager.target.cmi5.Cmi5Target;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.target.tincan.TinCanTarget;
import org.pelita.packager.target.web.WebTarget;

/** The output formats the packager knows. */
public final class Targets {
    private static final List<Target> ALL = List.of(new Scorm12Target(), new TinCanTarget(), new Cmi5Target(), new WebTarget());

    private Targets() {
    }

    public static Optional<Target> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Target::name).toList();
    }
}
