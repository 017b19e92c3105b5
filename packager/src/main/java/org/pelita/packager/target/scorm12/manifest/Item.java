package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import org.pelita.packager.scorm12.Scorm12Schema;

/**
 * {@code <item>} pointing at a SCO. {@code adlcp:masteryscore} (CAM 2.3.2.5) is written only for an item that
 * reports a score: Moodle derives passed/failed from it and would fail a learner with no score.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"title", "masteryscore"})
public final class Item {
    @XmlAttribute(required = true)
    private String identifier;
    @XmlAttribute
    private String identifierref;
    @XmlAttribute
    private Boolean isvisible;
    @XmlElement
    private String title;
    @XmlElement(namespace = Scorm12Schema.ADLCP_NS)
    private String masteryscore;

    Item() {
        // for JAXB
    }

    public Item(String identifier, String identifierref, String title, Integer masteryScore) {
        this.identifier = identifier;
        this.identifierref = identifierref;
        this.isvisible = Boolean.TRUE;
        this.title = title;
        this.masteryscore = masteryScore == null ? null : String.valueOf(masteryScore);
    }
}
