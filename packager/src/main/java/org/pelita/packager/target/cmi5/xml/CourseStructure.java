package org.pelita.packager.target.cmi5.xml;

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
import java.math.BigDecimal;
import java.util.List;

/** {@code <courseStructure><course …/><au …/>…</courseStructure>}, written UTF-8 and indented. */
@XmlRootElement(name = "courseStructure")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"course", "aus"})
public final class CourseStructure {
    private static final JAXBContext CONTEXT = context();

    @XmlElement(required = true)
    private Course course;
    @XmlElement(name = "au")
    private List<Au> aus;

    CourseStructure() {
        // for JAXB
    }

    public CourseStructure(Course course, List<Au> aus) {
        this.course = course;
        this.aus = List.copyOf(aus);
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
            throw new IllegalStateException("cannot write cmi5.xml", e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(CourseStructure.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the cmi5.xml classes are not valid JAXB classes", e);
        }
    }

    /** The course: its IRI, title and description. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"title", "description"})
    public static final class Course {
        @XmlAttribute(required = true)
        private String id;
        @XmlElementWrapper(name = "title", required = true)
        @XmlElement(name = "langstring")
        private List<LangString> title;
        @XmlElementWrapper(name = "description", required = true)
        @XmlElement(name = "langstring")
        private List<LangString> description;

        Course() {
            // for JAXB
        }

        public Course(String id, List<LangString> title, List<LangString> description) {
            this.id = id;
            this.title = List.copyOf(title);
            this.description = List.copyOf(description);
        }
    }

    /** An assignable unit: publisher IRI, moveOn, masteryScore (0 to 1, absent when not judged), launch method and URL. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"title", "description", "url"})
    public static final class Au {
        @XmlAttribute(required = true)
        private String id;
        @XmlAttribute
        private String moveOn;
        @XmlAttribute
        private BigDecimal masteryScore;
        @XmlAttribute
        private String launchMethod;
        @XmlElementWrapper(name = "title", required = true)
        @XmlElement(name = "langstring")
        private List<LangString> title;
        @XmlElementWrapper(name = "description", required = true)
        @XmlElement(name = "langstring")
        private List<LangString> description;
        @XmlElement(required = true)
        private String url;

        Au() {
            // for JAXB
        }

        public Au(String id, String moveOn, BigDecimal masteryScore, String launchMethod, List<LangString> title,
                  List<LangString> description, String url) {
            this.id = id;
            this.moveOn = moveOn;
            this.masteryScore = masteryScore;
            this.launchMethod = launchMethod;
            this.title = List.copyOf(title);
            this.description = List.copyOf(description);
            this.url = url;
        }
    }

    /** A text and its language. */
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
