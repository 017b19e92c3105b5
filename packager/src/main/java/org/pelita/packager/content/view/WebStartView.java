package org.pelita.packager.content.view;

import java.util.Map;

/**
 * What a start page of the web target shows: the code form, or the remembered code with "Not you?".
 *
 * @param ui     the interface texts of the version's first language ({@code code*} keys among them)
 * @param script the start page's script (runtime/web-start.js), loaded with {@code defer}
 */
public record WebStartView(WebHead head, Map<String, String> ui, String learnPage, String script) {
}
