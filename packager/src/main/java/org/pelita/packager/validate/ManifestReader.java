package org.pelita.packager.validate;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Extracts a {@link ManifestModel} from the DOM by the names Moodle looks for. */
final class ManifestReader {
    private ManifestReader() {
    }

    static ManifestModel read(Element manifest) {
        Element organizations = Dom.firstChild(manifest, "organizations");
        List<ManifestModel.Organization> orgs = new ArrayList<>();
        String defaultOrg = null;
        int organizationsLine = ManifestDom.line(manifest);
        if (organizations != null) {
            defaultOrg = Dom.attribute(organizations, "default");
            organizationsLine = ManifestDom.line(organizations);
            for (Element org : Dom.children(organizations, "organization")) {
                orgs.add(new ManifestModel.Organization(Dom.attribute(org, "identifier"),
                        Dom.text(Dom.firstChild(org, "title")), ManifestDom.line(org), items(org)));
            }
        }
        List<ManifestModel.Resource> resources = new ArrayList<>();
        Element resourcesElement = Dom.firstChild(manifest, "resources");
        if (resourcesElement != null) {
            for (Element resource : Dom.children(resourcesElement, "resource")) {
                resources.add(resource(resource));
            }
        }
        return new ManifestModel(defaultOrg, organizationsLine, orgs, resources);
    }

    private static List<ManifestModel.Item> items(Element parent) {
        List<ManifestModel.Item> items = new ArrayList<>();
        for (Element item : Dom.children(parent, "item")) {
            Element mastery = Dom.firstChild(item, "adlcp:masteryscore");
            items.add(new ManifestModel.Item(Dom.attribute(item, "identifier"), Dom.attribute(item, "identifierref"),
                    Dom.text(Dom.firstChild(item, "title")), ManifestDom.line(item),
                    mastery == null ? null : Dom.text(mastery), mastery == null ? 0 : ManifestDom.line(mastery), items(item)));
        }
        return items;
    }

    private static ManifestModel.Resource resource(Element resource) {
        List<ManifestModel.FileRef> files = new ArrayList<>();
        for (Element file : Dom.children(resource, "file")) {
            files.add(new ManifestModel.FileRef(Dom.attribute(file, "href"), ManifestDom.line(file)));
        }
        List<ManifestModel.Dependency> dependencies = new ArrayList<>();
        for (Element dependency : Dom.children(resource, "dependency")) {
            dependencies.add(new ManifestModel.Dependency(Dom.attribute(dependency, "identifierref"), ManifestDom.line(dependency)));
        }
        return new ManifestModel.Resource(Dom.attribute(resource, "identifier"), Dom.attribute(resource, "adlcp:scormtype"),
                Dom.attribute(resource, "href"), Dom.attribute(resource, "xml:base"), ManifestDom.line(resource), files, dependencies);
    }
}
