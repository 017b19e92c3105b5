package org.pelita.packager.target;

import java.util.List;
import org.pelita.packager.model.Module;

/** Resolves the language options into the language sets to package, one set per package. */
public final class PackageLanguages {
    private PackageLanguages() {
    }

    public static List<List<String>> of(Module module, BuildOptions options) throws PackagingException {
        switch (options.mode()) {
            case MULTILINGUAL:
                return List.of(module.languages());
            case ONE:
                String language = options.language().orElseThrow();
                if (!module.languages().contains(language)) {
                    throw new UnsupportedOptionsException("the module has no language '" + language + "'; it has "
                            + String.join(", ", module.languages()));
                }
                return List.of(List.of(language));
            default:
                return module.languages().stream().map(List::of).toList();
        }
    }

    /** The part of a package file name that says its languages: "en", or "multi" for all of them. */
    public static String suffix(List<String> languages) {
        return languages.size() == 1 ? languages.get(0) : "multi";
    }
}
