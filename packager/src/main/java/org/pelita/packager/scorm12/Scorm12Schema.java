package org.pelita.packager.scorm12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The official SCORM 1.2 schema set (IMS CP 1.1.2, ADL CP extensions, IMS metadata 1.2.1), loaded from the
 * packager's resources and never from the network, and a validator that reports every schema error with its line.
 */
public final class Scorm12Schema {
    public static final String IMSCP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    public static final String ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    public static final String IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
    /** The schema files a package carries at its root, next to imsmanifest.xml. */
    public static final List<String> PACKAGE_FILES = List.of(
            "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd");
    public static final String SCHEMA_LOCATION = IMSCP_NS + " imscp_rootv1p1p2.xsd "
            + IMSMD_NS + " imsmd_rootv1p2p1.xsd " + ADLCP_NS + " adlcp_rootv1p2.xsd";

    private static final String RESOURCE_DIR = "/org/pelita/packager/scorm12/schema/";
    /** imscp's wildcards are strict, so all three namespaces must be in one schema set: this driver imports them. */
    private static final String DRIVER = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='urn:pelita:scorm12'>"
            + "<xs:import namespace='" + IMSCP_NS + "' schemaLocation='imscp_rootv1p1p2.xsd'/>"
            + "<xs:import namespace='" + ADLCP_NS + "' schemaLocation='adlcp_rootv1p2.xsd'/>"
            + "<xs:import namespace='" + IMSMD_NS + "' schemaLocation='imsmd_rootv1p2p1.xsd'/>"
            + "</xs:schema>";
    /** The JDK's validator refuses ims_xml.xsd (it binds the xml prefix), so the W3C xml.xsd stands in for it. */
    private static final Map<String, String> SUBSTITUTES = Map.of("ims_xml.xsd", "w3c-xml.xsd", "xml.xsd", "w3c-xml.xsd");

    private static final Schema SCHEMA = load();

    /** A schema violation at a line of the manifest. */
    public record SchemaError(int line, int column, String message) {
    }

    private Scorm12Schema() {
    }

    /** Opens one of the schema files carried into packages. */
    public static InputStream open(String fileName) {
        InputStream in = Scorm12Schema.class.getResourceAsStream(RESOURCE_DIR + fileName);
        if (in == null) {
            throw new IllegalArgumentException("no bundled schema file " + fileName);
        }
        return in;
    }

    /**
     * Validates a manifest. DOCTYPEs are refused and nothing external is fetched, so a hostile manifest can
     * neither read local files nor reach the network (XXE). Returns every error, in document order.
     */
    public static List<SchemaError> validate(byte[] manifest) throws SAXException {
        List<SchemaError> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setResourceResolver(new BundledSchemas());
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a manifest invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try {
            validator.validate(new SAXSource(secureReader(), new InputSource(new ByteArrayInputStream(manifest))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** A namespace-aware SAX reader that refuses DOCTYPE declarations and external entities. */
    public static XMLReader secureReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // imsmd_rootv1p2p1.xsd breaks Unique Particle Attribution under full checking; xmllint does not check it either.
            factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            factory.setResourceResolver(new BundledSchemas());
            return factory.newSchema(new StreamSource(new StringReader(DRIVER), "bundled:driver.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled SCORM 1.2 schemas do not load", e);
        }
    }

    /** Resolves schema imports to the bundled files; anything else resolves to nothing (never the network). */
    private static final class BundledSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if ("http://www.w3.org/XML/1998/namespace".equals(namespace)) {
                name = "xml.xsd";
            }
            name = SUBSTITUTES.getOrDefault(name, name);
            InputStream in = Scorm12Schema.class.getResourceAsStream(RESOURCE_DIR + name);
            return new Input(publicId, "bundled:" + name, in == null ? new ByteArrayInputStream(new byte[0]) : in);
        }
    }

    private record Input(String publicId, String systemId, InputStream byteStream) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader characterStream) { }
        public InputStream getByteStream() { return byteStream; }
        public void setByteStream(InputStream byteStream) { }
        public String getStringData() { return null; }
        public void setStringData(String stringData) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String systemId) { }
        public String getPublicId() { return publicId; }
        public void setPublicId(String publicId) { }
        public String getBaseURI() { return systemId; }
        public void setBaseURI(String baseURI) { }
        public String getEncoding() { return null; }
        public void setEncoding(String encoding) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean certifiedText) { }
    }
}
