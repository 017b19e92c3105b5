package org.pelita.packager.target;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pelita.packager.target.cmi5.Cmi5Target;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.target.tincan.TinCanTarget;
import org.pelita.packager.target.web.WebTarget;

/** The output formats the packager knows. */
public final class Targets {
    private static final List<Target> ALL = List.of(new Scorm12Target(), new TinCanTarget(), new WebTarget());

    private Targets() {
    }

    /** cmi5 (issue 4). Kept beside ALL so that branches adding targets at the same time merge without a conflict. */
    private static final List<Target> CMI5 = List.of(new Cmi5Target());

    private static Stream<Target> all() {
        return Stream.concat(ALL.stream(), CMI5.stream());
    }

    public static Optional<Target> byName(String name) {
        return all().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return all().map(Target::name).toList();
    }
}
