package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.pelita.packager.scorm12.Scorm12Schema;

/** {@code <metadata>}: "ADL SCORM" 1.2, which is how LMSs (Moodle included) tell the SCORM version. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"schema", "schemaversion", "lom"})
public final class Metadata {
    @XmlElement
    private String schema = "ADL SCORM";
    @XmlElement
    private String schemaversion = "1.2";
    @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
    private Lom lom;

    Metadata() {
        // for JAXB
    }

    public Metadata(Lom lom) {
        this.lom = lom;
    }
}
