package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.List;

/** {@code <organizations default="...">}: LMSs launch the first item of the default organization. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class Organizations {
    @XmlAttribute(name = "default")
    private String defaultOrganization;
    @XmlElement(name = "organization")
    private List<Organization> organizations;

    Organizations() {
        // for JAXB
    }

    public Organizations(Organization organization) {
        this.defaultOrganization = organization.identifier();
        this.organizations = List.of(organization);
    }
}
