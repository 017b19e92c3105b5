package org.pelita.packager.content;

import java.util.List;
import java.util.Optional;

/**
 * What a target adds to the generated pages.
 *
 * @param adapterScript   the runtime's tracking adapter inside {@link RuntimeFiles#DIR} (e.g. "scorm12.js")
 * @param connectSources  extra sources the Content-Security-Policy lets scripts send data to (none for SCORM)
 * @param libraryScripts  runtime scripts loaded before the adapter (e.g. "xapi.js"), inside {@link RuntimeFiles#DIR}
 * @param xapiActivity    the module's activity IRI when the package reports through xAPI: the runtime data then
 *                        also carries what statements need (activity names, question definitions)
 * @param lrs             the LRS named at build time (SCORM 1.2 with xAPI, web), carried in the runtime data
 */
public record RenderOptions(String adapterScript, List<String> connectSources, List<String> libraryScripts,
                            Optional<String> xapiActivity, Optional<LrsConnection> lrs) {
    public RenderOptions {
        connectSources = List.copyOf(connectSources);
        libraryScripts = List.copyOf(libraryScripts);
    }

    /** An xAPI target whose LRS is named at launch (TinCan). */
    public RenderOptions(String adapterScript, List<String> connectSources, List<String> libraryScripts,
                         Optional<String> xapiActivity) {
        this(adapterScript, connectSources, libraryScripts, xapiActivity, Optional.empty());
    }

    /** A target that reports through the adapter alone (SCORM 1.2). */
    public RenderOptions(String adapterScript, List<String> connectSources) {
        this(adapterScript, connectSources, List.of(), Optional.empty(), Optional.empty());
    }

    /** The runtime scripts in the order pages load them: libraries, the adapter, then the main script. */
    public List<String> scripts() {
        List<String> scripts = new java.util.ArrayList<>(libraryScripts);
        scripts.add(adapterScript);
        scripts.add(RuntimeFiles.MAIN_SCRIPT);
        return List.copyOf(scripts);
    }

    /** Everything from the package itself and nothing from elsewhere; no inline script or style. */
    public String contentSecurityPolicy() {
        String connect = connectSources.isEmpty() ? "'none'" : String.join(" ", connectSources);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
                + "font-src 'self'; connect-src " + connect + "; form-action 'none'; base-uri 'none'; object-src 'none'";
    }
}
