package org.pelita.packager.validate;

/** Moodle shows organization and item titles in its table of contents; empty ones leave blank entries. */
final class TitleCheck implements ManifestCheck {
    @Override
    public void check(ManifestContext context, Findings findings) {
        for (ManifestModel.Organization organization : context.manifest().organizations()) {
            if (organization.title() == null || organization.title().isEmpty()) {
                findings.warning("empty-title", ManifestContext.at(organization.line()), "Organization '"
                        + organization.identifier() + "' has no title; Moodle shows a blank entry in the course's table"
                        + " of contents. Add <title>...</title>.");
            }
            for (ManifestModel.Item item : organization.allItems()) {
                if (item.title() == null || item.title().isEmpty()) {
                    findings.warning("empty-title", ManifestContext.at(item.line()), "Item '" + item.identifier()
                            + "' has no title; Moodle shows a blank entry in the table of contents. Add <title>...</title>.");
                }
            }
        }
    }
}
