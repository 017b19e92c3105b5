package org.pelita.packager.model;

import java.util.Map;

/** A Markdown page of a lesson, rendered to HTML once per language. */
public record Page(String id, Map<String, PageContent> content) {
    public Page {
        content = Map.copyOf(content);
    }

    public PageContent in(String language) {
        return content.get(language);
    }

    /** Title (the Markdown's level-1 heading, as text) and body HTML (already escaped and checked). */
    public record PageContent(String title, String html) {
    }
}
