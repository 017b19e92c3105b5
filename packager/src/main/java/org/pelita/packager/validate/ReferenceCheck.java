package org.pelita.packager.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Identifiers are unique and every reference to one (default organization, identifierref) lands somewhere. */
final class ReferenceCheck implements ManifestCheck {
    private static final Set<String> IDENTIFIED = Set.of("manifest", "organization", "item", "resource");

    @Override
    public void check(ManifestContext context, Findings findings) {
        checkUnique(context, findings);
        ManifestModel manifest = context.manifest();
        Set<String> organizations = manifest.organizations().stream().map(ManifestModel.Organization::identifier)
                .collect(Collectors.toSet());
        String defaultOrg = manifest.defaultOrganization();
        if (defaultOrg != null && !organizations.contains(defaultOrg)) {
            findings.error("default-organization-missing", ManifestContext.at(manifest.organizationsLine()),
                    "<organizations default=\"" + defaultOrg + "\"> names no organization. Moodle then cannot tell"
                            + " which organization to launch. Set default to the identifier of an <organization>.");
        }
        for (ManifestModel.Item item : manifest.allItems()) {
            if (item.identifierref() != null && manifest.resource(item.identifierref()).isEmpty()) {
                findings.error("dangling-identifierref", ManifestContext.at(item.line()), "Item '" + item.identifier()
                        + "' refers to resource '" + item.identifierref() + "', which does not exist. Moodle warns and"
                        + " the item cannot be launched. Point identifierref at a <resource identifier>.");
            }
        }
        for (ManifestModel.Resource resource : manifest.resources()) {
            for (ManifestModel.Dependency dependency : resource.dependencies()) {
                if (manifest.resource(dependency.identifierref()).isEmpty()) {
                    findings.error("dangling-dependency", ManifestContext.at(dependency.line()), "Resource '"
                            + resource.identifier() + "' depends on '" + dependency.identifierref() + "', which does"
                            + " not exist, so its files may be missing. Point the dependency at a <resource identifier>.");
                }
            }
        }
    }

    /** Moodle files items by identifier, so a repeated one silently replaces the earlier element. */
    private static void checkUnique(ManifestContext context, Findings findings) {
        Map<String, Integer> firstLine = new HashMap<>();
        NodeList all = context.document().getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!IDENTIFIED.contains(element.getNodeName().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            String identifier = Dom.attribute(element, "identifier");
            if (identifier == null) {
                continue;
            }
            int line = ManifestDom.line(element);
            Integer earlier = firstLine.putIfAbsent(identifier, line);
            if (earlier != null) {
                findings.error("duplicate-identifier", ManifestContext.at(line), "The identifier '" + identifier
                        + "' is already used at line " + earlier + ". Identifiers must be unique in the manifest; Moodle"
                        + " keeps only one of the elements. Rename one of them.");
            }
        }
    }
}
