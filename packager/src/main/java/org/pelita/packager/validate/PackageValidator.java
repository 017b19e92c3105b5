package org.pelita.packager.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks any SCORM 1.2 zip for what makes Moodle refuse or mis-track it, and TinCan packages (tincan.xml at the
 * root, no imsmanifest.xml) and cmi5 packages (cmi5.xml at the root) for what keeps an LMS from launching them, and
 * web-target sites (index.html at the root, no descriptor) for missing files and loads from other sites.
 * Safe on hostile input: nothing is extracted to disk, sizes are bounded by bytes actually inflated, and XML is
 * parsed without DTDs or entities.
 */
public final class PackageValidator {
    /** In this order; each adds findings and none stops the others. */
    private static final List<ManifestCheck> CHECKS = List.of(
            new NamespaceCheck(),
            new SchemaVersionCheck(),
            new ReferenceCheck(),
            new HrefCheck(),
            new LaunchCheck(),
            new MasteryScoreCheck(),
            new TitleCheck(),
            new UnreferencedFilesCheck());

    private PackageValidator() {
    }

    public static ValidationReport validate(Path zip) {
        return validate(zip, ZipLimits.DEFAULTS);
    }

    /**
     * Never throws for bad input: a missing, unreadable or hostile file yields a report with ERROR findings.
     */
    public static ValidationReport validate(Path zip, ZipLimits limits) {
        return validate(zip, limits, Optional.empty());
    }

    /**
     * Also says which Pelita module and version the zip holds, and whether it is a package of a release: the given
     * release.json, or else the one of the release folder the zip sits in.
     */
    public static ValidationReport validate(Path zip, ZipLimits limits, Optional<Path> release) {
        Findings findings = new Findings();
        ZipScan scan = SafeZip.scan(zip, limits, findings);
        if (scan.readable() && TinCanCheck.applies(scan)) {
            TinCanCheck.check(zip, scan, limits, findings);
        } else if (scan.readable() && Cmi5Check.applies(scan)) {
            Cmi5Check.check(zip, scan, limits, findings);
        } else if (scan.readable() && WebSiteCheck.applies(scan)) {
            WebSiteCheck.check(zip, scan, findings);
        } else if (scan.readable()) {
            ManifestPlacement.check(scan, findings);
            byte[] manifest = scan.manifest();
            if (manifest != null) {
                checkManifest(manifest, scan, findings);
            }
        }
        if (scan.readable()) {
            ReleaseCheck.check(zip, scan, release, findings);
        }
        return new ValidationReport(zip.toString(), findings.toList());
    }

    private static void checkManifest(byte[] manifest, ZipScan scan, Findings findings) {
        Document document;
        try {
            document = ManifestDom.parse(manifest);
        } catch (ManifestDom.Refused refused) {
            findings.add(refused.finding());
            return;
        }
        SchemaCheck.check(manifest, findings);
        Element root = document.getDocumentElement();
        if (!Dom.named(root, "manifest")) {
            // A prefixed <imscp:manifest> is explained by the namespace check; the rest means nothing to Moodle.
            new NamespaceCheck().check(ManifestContext.of(document, ManifestReader.read(root), scan.files()), findings);
            if (root.getPrefix() == null) {
                findings.error("root-not-manifest", ManifestContext.at(ManifestDom.line(root)), "The root element is <"
                        + root.getNodeName() + ">, not <manifest>, so Moodle finds nothing to import. This file is not"
                        + " an IMS content package manifest.");
            }
            return;
        }
        ManifestContext context = ManifestContext.of(document, ManifestReader.read(root), scan.files());
        for (ManifestCheck check : CHECKS) {
            check.check(context, findings);
        }
    }
}
