package org.pelita.packager.validate;

import org.w3c.dom.Element;

/**
 * Every launch href and file href resolves to a file in the zip. Hrefs are resolved as Moodle does: the resource's
 * own xml:base joined to the href, with query and fragment dropped and percent-escapes decoded.
 */
final class HrefCheck implements ManifestCheck {
    @Override
    public void check(ManifestContext context, Findings findings) {
        checkIgnoredBases(context, findings);
        for (ManifestModel.Resource resource : context.manifest().resources()) {
            String base = resource.base();
            if (base != null && !base.isEmpty() && !base.endsWith("/") && !Href.SCHEME.matcher(base).matches()) {
                findings.warning("xml-base-no-slash", ManifestContext.at(resource.line()), "Resource '"
                        + resource.identifier() + "' has xml:base=\"" + base + "\" without a trailing '/'. Moodle joins"
                        + " base and href as text and launches '" + base + nullToEmpty(resource.href()) + "'. Add the slash.");
            }
            String launchPath = null;
            if (resource.href() != null && !resource.href().isBlank()) {
                Href target = Href.resolve(base, resource.href());
                Location where = ManifestContext.at(resource.line());
                if (target instanceof Href.External external) {
                    findings.warning("external-launch", where, "Resource '" + resource.identifier() + "' launches "
                            + external.url() + ", outside the package. The content cannot reach Moodle's SCORM API"
                            + " from another site unless that site is set up for it, and it breaks offline. Put the"
                            + " launch page in the zip.");
                } else if (target instanceof Href.Outside outside) {
                    findings.error("href-outside-package", where, "Resource '" + resource.identifier() + "' launches '"
                            + resource.href() + "': " + outside.reason() + ", so it points outside the package. Use a"
                            + " path relative to the zip root.");
                } else if (target instanceof Href.InZip inZip) {
                    launchPath = inZip.path();
                    if (!context.files().contains(inZip.path())) {
                        findings.error("launch-file-missing", where, "Resource '" + resource.identifier()
                                + "' launches '" + inZip.path() + "', which is not in the zip" + context.caseHint(inZip.path())
                                + ". Learners would get a 'file not found' page. Add the file or correct the href.");
                    }
                }
            }
            for (ManifestModel.FileRef file : resource.files()) {
                checkFile(context, findings, resource, file, launchPath);
            }
        }
    }

    private static void checkFile(ManifestContext context, Findings findings, ManifestModel.Resource resource,
                                  ManifestModel.FileRef file, String launchPath) {
        if (file.href() == null || file.href().isBlank()) {
            return; // a schema error already
        }
        Href target = Href.resolve(resource.base(), file.href());
        Location where = ManifestContext.at(file.line());
        if (target instanceof Href.External external) {
            findings.error("file-href-absolute", where, "<file href=\"" + external.url() + "\"> is an absolute URL."
                    + " <file> lists the package's own files; an external address is not in the package. List the"
                    + " file's path inside the zip, or drop the <file> element.");
        } else if (target instanceof Href.Outside outside) {
            findings.error("href-outside-package", where, "<file href=\"" + file.href() + "\">: " + outside.reason()
                    + ", so it points outside the package. Use a path relative to the zip root.");
        } else if (target instanceof Href.InZip inZip && !context.files().contains(inZip.path())
                && !inZip.path().equals(launchPath)) {
            findings.error("file-missing", where, "The manifest lists '" + inZip.path() + "' (resource '"
                    + resource.identifier() + "') but the zip does not contain it" + context.caseHint(inZip.path())
                    + ". Add the file to the zip or remove the <file> element.");
        }
    }

    /** IMS CP allows xml:base on <manifest> and <resources>, but Moodle only applies a resource's own. */
    private static void checkIgnoredBases(ManifestContext context, Findings findings) {
        Element root = context.document().getDocumentElement();
        Element resources = Dom.firstChild(root, "resources");
        for (Element element : resources == null ? new Element[] {root} : new Element[] {root, resources}) {
            String base = Dom.attribute(element, "xml:base");
            if (base != null && !base.isEmpty()) {
                findings.warning("xml-base-ignored", ManifestContext.at(ManifestDom.line(element)), "xml:base=\"" + base
                        + "\" on <" + element.getNodeName() + "> is ignored by Moodle, which applies only a resource's"
                        + " own xml:base. Move it onto each <resource>, or put the path in the hrefs.");
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
