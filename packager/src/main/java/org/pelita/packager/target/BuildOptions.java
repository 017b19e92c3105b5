package org.pelita.packager.target;

import java.util.Optional;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.UnitLayout;

/**
 * @param language     the language when {@code mode} is {@link LanguageMode#ONE}
 * @param layout       one unit (SCO) for the module, or one per lesson
 * @param activityBase for xAPI targets: the start of the module's activity IRI, which ends with the module id
 *                     (absent: {@code urn:pelita:module:})
 * @param lrs          an LRS named at build time: SCORM 1.2 packages then also report to it through xAPI
 */
public record BuildOptions(LanguageMode mode, Optional<String> language, UnitLayout layout, Optional<String> activityBase,
                           Optional<LrsConnection> lrs) {
    public BuildOptions(LanguageMode mode, Optional<String> language, UnitLayout layout, Optional<String> activityBase) {
        this(mode, language, layout, activityBase, Optional.empty());
    }

    public BuildOptions(LanguageMode mode, Optional<String> language, UnitLayout layout) {
        this(mode, language, layout, Optional.empty());
    }

    public static BuildOptions defaults() {
        return new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE);
    }
}
