package org.pelita.packager.content.view;

/** The head and header bar of the web target's own pages (index and start pages). */
public record WebHead(String lang, String dir, String title, String csp, String stylesheet, String quickExitUrl,
                      String quickExit) {
}
