package org.pelita.packager.validate;

import java.util.Optional;

/**
 * Moodle launches the first item of the default organization (the first organization without a default) that
 * has a launch URL. Tracking needs at least one item there whose resource is a SCO with its launch file present.
 */
final class LaunchCheck implements ManifestCheck {
    @Override
    public void check(ManifestContext context, Findings findings) {
        ManifestModel manifest = context.manifest();
        for (ManifestModel.Resource resource : manifest.resources()) {
            if (resource.isSco() && (resource.href() == null || resource.href().isBlank())) {
                findings.error("sco-without-href", ManifestContext.at(resource.line()), "Resource '" + resource.identifier()
                        + "' is a SCO without an href, so Moodle has nothing to launch for it. Add href=\"<launch page>\".");
            }
        }
        Optional<ManifestModel.Organization> launched = manifest.launchOrganization();
        if (launched.isEmpty()) {
            findings.error("no-organization", ManifestContext.at(manifest.organizationsLine()), "The manifest has no"
                    + " <organization>, so there is nothing to launch or track (Moodle falls back to listing resources;"
                    + " stricter LMSs refuse the package). Add an <organization> with an <item> per SCO.");
            return;
        }
        ManifestModel.Organization organization = launched.get();
        ManifestModel.Item first = null;
        ManifestModel.Item firstSco = null;
        for (ManifestModel.Item item : organization.allItems()) {
            Optional<ManifestModel.Resource> resource = Optional.ofNullable(item.identifierref()).flatMap(manifest::resource);
            if (resource.isEmpty() || resource.get().href() == null || resource.get().href().isBlank()) {
                continue;
            }
            if (first == null) {
                first = item;
                reportLaunch(context, findings, item, resource.get());
            }
            if (resource.get().isSco() && launchable(context, resource.get())) {
                firstSco = item;
                break;
            }
        }
        if (firstSco == null) {
            findings.error("no-launchable-sco", ManifestContext.at(organization.line()), "Organization '"
                    + organization.identifier() + "' has no item pointing at a SCO (a resource with"
                    + " adlcp:scormtype=\"sco\") whose launch file is in the zip. Moodle would record no score and no"
                    + " completion. Mark the launch resource adlcp:scormtype=\"sco\" and reference it from an item.");
        }
    }

    private static boolean launchable(ManifestContext context, ManifestModel.Resource resource) {
        return Href.resolve(resource.base(), resource.href()) instanceof Href.InZip inZip
                && context.files().contains(inZip.path());
    }

    private static void reportLaunch(ManifestContext context, Findings findings, ManifestModel.Item item,
                                     ManifestModel.Resource resource) {
        Href target = Href.resolve(resource.base(), resource.href());
        String url = target instanceof Href.InZip inZip ? inZip.path() : resource.href();
        String title = item.title() == null || item.title().isEmpty() ? "" : " \"" + item.title() + "\"";
        String kind = resource.isSco() ? "a SCO" : "an asset (Moodle does not track it)";
        findings.info("launch-item", ManifestContext.at(item.line()), "Moodle launches item '" + item.identifier()
                + "'" + title + " first: " + url + ", " + kind + ".");
    }
}
