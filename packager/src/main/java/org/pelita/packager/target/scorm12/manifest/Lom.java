package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.List;
import org.pelita.packager.scorm12.Scorm12Schema;

/**
 * IMS metadata 1.2.1 ({@code imsmd:lom}) for the package: identifier, titles and descriptions in every
 * language, the languages, and the module version, so an LMS or a person can tell what a zip holds.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(namespace = Scorm12Schema.IMSMD_NS, propOrder = {"general", "lifecycle"})
public final class Lom {
    @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
    private General general;
    @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
    private Lifecycle lifecycle;

    Lom() {
        // for JAXB
    }

    public Lom(String identifier, List<LangString> titles, List<String> languages, List<LangString> descriptions, String version) {
        this.general = new General(identifier, new LangStrings(titles), languages, new LangStrings(descriptions));
        this.lifecycle = new Lifecycle(new LangStrings(List.of(new LangString(null, version))));
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(namespace = Scorm12Schema.IMSMD_NS, propOrder = {"identifier", "title", "language", "description"})
    static final class General {
        @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
        private String identifier;
        @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
        private LangStrings title;
        @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
        private List<String> language;
        @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
        private LangStrings description;

        General() {
            // for JAXB
        }

        General(String identifier, LangStrings title, List<String> language, LangStrings description) {
            this.identifier = identifier;
            this.title = title;
            this.language = List.copyOf(language);
            this.description = description;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(namespace = Scorm12Schema.IMSMD_NS)
    static final class Lifecycle {
        @XmlElement(namespace = Scorm12Schema.IMSMD_NS)
        private LangStrings version;

        Lifecycle() {
            // for JAXB
        }

        Lifecycle(LangStrings version) {
            this.version = version;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(namespace = Scorm12Schema.IMSMD_NS)
    static final class LangStrings {
        @XmlElement(name = "langstring", namespace = Scorm12Schema.IMSMD_NS)
        private List<LangString> values;

        LangStrings() {
            // for JAXB
        }

        LangStrings(List<LangString> values) {
            this.values = List.copyOf(values);
        }
    }

    /** A text with its language ({@code xml:lang}); no language means language-neutral. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(namespace = Scorm12Schema.IMSMD_NS)
    public static final class LangString {
        @XmlAttribute(name = "lang", namespace = "http://www.w3.org/XML/1998/namespace")
        private String lang;
        @XmlValue
        private String value;

        LangString() {
            // for JAXB
        }

        public LangString(String lang, String value) {
            this.lang = lang;
            this.value = value;
        }
    }
}
