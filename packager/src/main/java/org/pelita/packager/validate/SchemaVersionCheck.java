package org.pelita.packager.validate;

import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Moodle picks the SCORM version from the first metadata/schemaversion it meets: "1.2" (or anything it does not
 * recognize, or nothing) means 1.2; "1.3", "CAM 1.3", "2004 3rd Edition" and "2004 4th Edition" mean 2004.
 */
final class SchemaVersionCheck implements ManifestCheck {
    private static final Set<String> SCORM_2004 = Set.of("1.3", "CAM 1.3", "2004 3rd Edition", "2004 4th Edition");

    @Override
    public void check(ManifestContext context, Findings findings) {
        Element root = context.document().getDocumentElement();
        Element metadata = Dom.firstChild(root, "metadata");
        Element declared = metadata == null ? null : Dom.firstChild(metadata, "schemaversion");
        if (declared == null) {
            findings.warning("schemaversion-missing", ManifestContext.at(ManifestDom.line(metadata == null ? root : metadata)),
                    "The manifest has no <metadata><schemaversion> of its own. Moodle then takes the first schemaversion"
                            + " it finds deeper in the manifest, or assumes SCORM 1.2. Add <metadata><schema>ADL SCORM</schema>"
                            + "<schemaversion>1.2</schemaversion></metadata> as the first child of <manifest>.");
            declared = firstSchemaVersion(root);
        }
        if (declared == null) {
            return;
        }
        String version = Dom.text(declared);
        Location where = ManifestContext.at(ManifestDom.line(declared));
        if (SCORM_2004.contains(version)) {
            findings.error("schemaversion-2004", where, "schemaversion '" + version + "' declares SCORM 2004, so Moodle"
                    + " imports and runs this package as SCORM 2004. This validator checks SCORM 1.2 packages; set"
                    + " <schemaversion>1.2</schemaversion> if the content uses the SCORM 1.2 API, or validate it with a"
                    + " SCORM 2004 tool.");
        } else if (!version.equals("1.2")) {
            findings.warning("schemaversion-unknown", where, "schemaversion '" + version + "' is not a value Moodle"
                    + " recognizes; it falls back to SCORM 1.2, other LMSs may not. Write exactly 1.2.");
        }
    }

    /** Document order, as Moodle walks the tree. */
    private static Element firstSchemaVersion(Element root) {
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (Dom.named(all.item(i), "schemaversion") && Dom.named(all.item(i).getParentNode(), "metadata")) {
                return (Element) all.item(i);
            }
        }
        return null;
    }
}
