package org.pelita.packager.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a manifest Moodle acts on, with the line each came from. Attribute values are kept as written
 * (null when absent), because Moodle uses them unnormalized.
 */
record ManifestModel(String defaultOrganization, int organizationsLine, List<Organization> organizations,
                     List<Resource> resources) {
    ManifestModel {
        organizations = List.copyOf(organizations);
        resources = List.copyOf(resources);
    }

    record Organization(String identifier, String title, int line, List<Item> items) {
        Organization {
            items = List.copyOf(items);
        }

        /** Items in document order, parents before children: the order Moodle lists and launches them. */
        List<Item> allItems() {
            List<Item> all = new ArrayList<>();
            items.forEach(item -> item.addTo(all));
            return all;
        }
    }

    /** An item; masteryScore and masteryLine describe its adlcp:masteryscore element, if any. */
    record Item(String identifier, String identifierref, String title, int line, String masteryScore, int masteryLine,
                List<Item> children) {
        Item {
            children = List.copyOf(children);
        }

        private void addTo(List<Item> all) {
            all.add(this);
            children.forEach(child -> child.addTo(all));
        }
    }

    record Resource(String identifier, String scormType, String href, String base, int line, List<FileRef> files,
                    List<Dependency> dependencies) {
        Resource {
            files = List.copyOf(files);
            dependencies = List.copyOf(dependencies);
        }

        boolean isSco() {
            // Moodle compares the value exactly; anything else, or nothing, is an asset.
            return "sco".equals(scormType);
        }
    }

    record FileRef(String href, int line) {
    }

    record Dependency(String identifierref, int line) {
    }

    Optional<Resource> resource(String identifier) {
        return resources.stream().filter(r -> r.identifier() != null && r.identifier().equals(identifier)).findFirst();
    }

    /** The organization Moodle launches: the default one if it exists, else the first. */
    Optional<Organization> launchOrganization() {
        return organizations.stream().filter(o -> o.identifier() != null && o.identifier().equals(defaultOrganization))
                .findFirst().or(() -> organizations.stream().findFirst());
    }

    List<Item> allItems() {
        List<Item> all = new ArrayList<>();
        organizations.forEach(o -> all.addAll(o.allItems()));
        return all;
    }
}
