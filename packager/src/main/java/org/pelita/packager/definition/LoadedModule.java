package org.pelita.packager.definition;

import java.util.List;
import org.pelita.packager.model.Module;

/** A module that loaded without errors, with the warnings its author should still see. */
public record LoadedModule(Module module, List<DefinitionProblem> warnings) {
    public LoadedModule {
        warnings = List.copyOf(warnings);
    }
}
