package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
public final class Resources {
    @XmlElement(name = "resource")
    private List<Resource> resources;

    Resources() {
        // for JAXB
    }

    public Resources(List<Resource> resources) {
        this.resources = List.copyOf(resources);
    }
}
