package org.pelita.packager.target.tincan.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** {@code <tincan><activities><activity …/>…</activities></tincan>}, written UTF-8 and indented. */
@XmlRootElement(name = "tincan")
@XmlAccessorType(XmlAccessType.FIELD)
public final class TinCanXml {
    public static final String NAMESPACE = "http://projecttincan.com/tincan.xsd";
    private static final JAXBContext CONTEXT = context();

    @XmlElementWrapper(name = "activities")
    @XmlElement(name = "activity")
    private List<Activity> activities;

    TinCanXml() {
        // for JAXB
    }

    public TinCanXml(List<Activity> activities) {
        this.activities = List.copyOf(activities);
    }

    public byte[] write() {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(this, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write tincan.xml", e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(TinCanXml.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the tincan.xml classes are not valid JAXB classes", e);
        }
    }

    /** One activity: its IRI and type, a name and description per language, and a launch file for the course. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"names", "descriptions", "launches"})
    public static final class Activity {
        @XmlAttribute(required = true)
        private String id;
        @XmlAttribute(required = true)
        private String type;
        @XmlElement(name = "name")
        private List<LangString> names;
        @XmlElement(name = "description")
        private List<LangString> descriptions;
        @XmlElement(name = "launch")
        private List<LangString> launches;

        Activity() {
            // for JAXB
        }

        public Activity(String id, String type, List<LangString> names, List<LangString> descriptions, List<LangString> launches) {
            this.id = id;
            this.type = type;
            this.names = List.copyOf(names);
            this.descriptions = descriptions.isEmpty() ? null : List.copyOf(descriptions);
            this.launches = launches.isEmpty() ? null : List.copyOf(launches);
        }
    }

    /** A text and its language ({@code lang}, as tincan.xsd and the published examples write it). */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class LangString {
        @XmlAttribute
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
