package org.pelita.packager.content.view;

import java.util.List;
import java.util.Map;

/**
 * Everything the unit template shows, already resolved to texts: templates only lay out and escape.
 *
 * @param dataJson runtime data (JSON, with {@code <} escaped) for the {@code application/json} script element
 */
public record UnitView(String htmlLang, String dir, String documentTitle, String moduleTitle, String csp,
                       String runtimeDir, List<String> scripts, String dataJson, String quickExitUrl,
                       Map<String, String> ui, boolean multilingual, List<LanguageOption> languages,
                       List<LanguageSection> sections, int stepCount) {
    public UnitView {
        scripts = List.copyOf(scripts);
        languages = List.copyOf(languages);
        sections = List.copyOf(sections);
    }

    /** A language of a multilingual package, named in itself ("ไทย", "Tiếng Việt"). */
    public record LanguageOption(String tag, String name, String href) {
    }

    /** All steps of the unit in one language. */
    public record LanguageSection(String tag, String dir, Map<String, String> ui, List<TocEntry> toc,
                                  List<StepView> steps) {
        public LanguageSection {
            toc = List.copyOf(toc);
            steps = List.copyOf(steps);
        }

        public String t(String key) {
            return ui.get(key);
        }
    }

    public record TocEntry(String key, String href, String label) {
    }
}
