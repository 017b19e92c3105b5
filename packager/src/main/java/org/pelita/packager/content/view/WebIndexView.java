package org.pelita.packager.content.view;

import java.util.List;

/**
 * What the web target's index.html shows: the module in its first language and a link per language version.
 *
 * @param head the document's language, title and quick exit, shared with the start pages
 */
public record WebIndexView(WebHead head, String description, String chooseLanguage, List<VersionLink> versions) {
    public WebIndexView {
        versions = List.copyOf(versions);
    }

    /** One version of the module: its languages' names, its start page and its title in its first language. */
    public record VersionLink(String lang, String dir, String name, String href, String title) {
    }
}
