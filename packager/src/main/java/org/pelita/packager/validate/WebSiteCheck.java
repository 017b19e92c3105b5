package org.pelita.packager.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Sites of the web target (docs/xapi-profile.md "Web target"): index.html and the target's start script at the zip
 * root, and no package descriptor. (Any other zip without a descriptor is judged as a SCORM package missing its
 * manifest, which is what it most likely is.) Checks what breaks a site once unzipped on a web server, a page referring to a file the zip lacks, and
 * what breaks the promise to learners that content loads nothing from elsewhere: a page that loads a script, style,
 * image, frame or media from another site, or that has no Content-Security-Policy to forbid it. Links to other sites
 * ({@code <a href>}) are allowed: following one is the learner's choice.
 */
final class WebSiteCheck {
    static final String INDEX = "index.html";
    /** The web target's start-page script (runtime/web-start.js), which only its sites carry. */
    static final String SIGNATURE = "pelita/web-start.js";

    private WebSiteCheck() {
    }

    static boolean applies(ZipScan scan) {
        // A SCORM zip with its manifest in a folder stays a SCORM zip, so that its real mistake is reported.
        return scan.files().contains(INDEX) && scan.files().contains(SIGNATURE) && !scan.files().contains(TinCanCheck.DESCRIPTOR) && !scan.files().contains(Cmi5Check.DESCRIPTOR)
                && scan.files().stream().noneMatch(name -> name.equals(ZipScan.MANIFEST) || name.endsWith("/" + ZipScan.MANIFEST));
    }

    static void check(Path zip, ZipScan scan, Findings findings) {
        findings.info("web-site", Location.ZIP, "A web site of Pelita's web target, not an LMS package: unzip it on a web"
                + " server (LMSs such as Moodle refuse it).");
        Set<String> files = new HashSet<>(scan.files());
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (String name : scan.files()) {
                if (!name.endsWith(".html") && !name.endsWith(".htm")) {
                    continue;
                }
                ZipEntry entry = file.getEntry(name);
                Optional<byte[]> bytes = entry == null ? Optional.empty() : EntryBytes.read(file, entry, EntryBytes.MAX_PAGE);
                if (bytes.isEmpty()) {
                    findings.error("web-page-unreadable", Location.entry(name), "The page could not be read, or is larger than "
                            + EntryBytes.MAX_PAGE + " bytes.");
                    continue;
                }
                checkPage(name, Jsoup.parse(new String(bytes.get(), StandardCharsets.UTF_8), "",
                        Parser.htmlParser().setTrackPosition(true)), files, findings);
            }
        } catch (IOException e) {
            findings.error("web-unreadable", Location.ZIP, "The zip cannot be read: " + e.getMessage());
        }
    }

    private static void checkPage(String page, Document html, Set<String> files, Findings findings) {
        if (html.selectFirst("meta[http-equiv=Content-Security-Policy]") == null) {
            findings.warning("web-no-csp", Location.entry(page), "The page has no Content-Security-Policy <meta>: nothing stops it"
                    + " from loading scripts, styles or images from other sites.");
        }
        String base = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
        for (Element element : html.select("[src], link[href], a[href], form[action]")) {
            String attribute = element.hasAttr("src") ? "src" : element.hasAttr("action") ? "action" : "href";
            String value = element.attr(attribute).strip();
            if (value.isEmpty() || value.startsWith("#")) {
                continue;
            }
            Location where = Location.at(page, element.sourceRange().start().lineNumber());
            Href href = Href.resolve(base, value);
            if (href instanceof Href.External external) {
                if (!element.tagName().equals("a")) {
                    findings.error("web-third-party-load", where, "<" + element.tagName() + " " + attribute + "=\"" + external.url()
                            + "\"> makes every learner's browser contact another site, which can see who is learning.");
                }
            } else if (href instanceof Href.Outside outside) {
                findings.error("web-outside", where, "'" + value + "' cannot be in the site: " + outside.reason() + ".");
            } else if (href instanceof Href.InZip inZip && !inZip.path().isEmpty() && !files.contains(inZip.path())) {
                findings.error("web-missing-file", where, "'" + value + "' points to " + inZip.path() + ", which is not in the zip.");
            }
        }
    }
}
