package org.pelita.packager.target;

import java.util.Optional;
import org.pelita.packager.content.UnitLayout;

/**
 * @param language the language when {@code mode} is {@link LanguageMode#ONE}
 * @param layout   one unit (SCO) for the module, or one per lesson
 */
public record BuildOptions(LanguageMode mode, Optional<String> language, UnitLayout layout) {
    public static BuildOptions defaults() {
        return new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE);
    }
}
