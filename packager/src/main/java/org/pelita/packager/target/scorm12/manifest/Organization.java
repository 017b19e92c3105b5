package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** {@code <organization>}: the table of contents the LMS shows, as items. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"title", "items"})
public final class Organization {
    @XmlAttribute(required = true)
    private String identifier;
    @XmlElement
    private String title;
    @XmlElement(name = "item")
    private List<Item> items;

    Organization() {
        // for JAXB
    }

    public Organization(String identifier, String title, List<Item> items) {
        this.identifier = identifier;
        this.title = title;
        this.items = List.copyOf(items);
    }

    String identifier() {
        return identifier;
    }
}
