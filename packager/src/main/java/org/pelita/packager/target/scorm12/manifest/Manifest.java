package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <manifest>}: the root of imsmanifest.xml (IMS CP 1.1.2; SCORM 1.2 CAM 2.3.1). */
@XmlRootElement(name = "manifest")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"metadata", "organizations", "resources"})
public final class Manifest {
    @XmlAttribute(required = true)
    private String identifier;
    @XmlAttribute
    private String version;
    @XmlElement
    private Metadata metadata;
    @XmlElement(required = true)
    private Organizations organizations;
    @XmlElement(required = true)
    private Resources resources;

    Manifest() {
        // for JAXB
    }

    public Manifest(String identifier, String version, Metadata metadata, Organizations organizations, Resources resources) {
        this.identifier = identifier;
        this.version = version;
        this.metadata = metadata;
        this.organizations = organizations;
        this.resources = resources;
    }
}
