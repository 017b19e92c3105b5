package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.pelita.packager.scorm12.Scorm12Schema;

/**
 * {@code <resource>}: a SCO (launchable, talks to the LMS) or an asset (files SCOs use).
 * {@code adlcp:scormtype} is lower-case in SCORM 1.2; the 2004 spelling scormType is ignored by 1.2 LMSs.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"files", "dependencies"})
public final class Resource {
    @XmlAttribute(required = true)
    private String identifier;
    @XmlAttribute(required = true)
    private String type = "webcontent";
    @XmlAttribute(name = "scormtype", namespace = Scorm12Schema.ADLCP_NS)
    private String scormtype;
    @XmlAttribute
    private String href;
    @XmlElement(name = "file")
    private List<FileRef> files;
    @XmlElement(name = "dependency")
    private List<Dependency> dependencies;

    Resource() {
        // for JAXB
    }

    private Resource(String identifier, String scormtype, String href, List<String> files, List<String> dependencies) {
        this.identifier = identifier;
        this.scormtype = scormtype;
        this.href = href;
        this.files = files.stream().map(FileRef::new).toList();
        this.dependencies = dependencies.isEmpty() ? null : dependencies.stream().map(Dependency::new).toList();
    }

    public static Resource sco(String identifier, String href, List<String> files, List<String> dependencies) {
        return new Resource(identifier, "sco", href, files, dependencies);
    }

    public static Resource asset(String identifier, List<String> files) {
        return new Resource(identifier, "asset", null, files, List.of());
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class FileRef {
        @XmlAttribute(required = true)
        private String href;

        FileRef() {
            // for JAXB
        }

        FileRef(String href) {
            this.href = href;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Dependency {
        @XmlAttribute(required = true)
        private String identifierref;

        Dependency() {
            // for JAXB
        }

        Dependency(String identifierref) {
            this.identifierref = identifierref;
        }
    }
}
