package org.pelita.packager.content;

import java.util.List;

/**
 * What a target adds to the generated pages.
 *
 * @param adapterScript the runtime's tracking adapter inside {@link RuntimeFiles#DIR} (e.g. "scorm12.js")
 * @param connectSources extra origins the Content-Security-Policy lets scripts send data to (none for SCORM)
 */
public record RenderOptions(String adapterScript, List<String> connectSources) {
    public RenderOptions {
        connectSources = List.copyOf(connectSources);
    }

    /** Everything from the package itself and nothing from elsewhere; no inline script or style. */
    public String contentSecurityPolicy() {
        String connect = connectSources.isEmpty() ? "'none'" : String.join(" ", connectSources);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
                + "font-src 'self'; connect-src " + connect + "; form-action 'none'; base-uri 'none'; object-src 'none'";
    }
}
