package org.pelita.packager.cmi5;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The official cmi5 course structure schema (CourseStructure.xsd, bundled unmodified with its licence), loaded from the
 * packager's resources and never from the network, and a validator that reports every error with its line.
 */
public final class Cmi5Schema {
    public static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    private static final String RESOURCE = "/org/pelita/packager/cmi5/schema/CourseStructure.xsd";
    private static final Schema SCHEMA = load();

    /** A schema violation at a line of cmi5.xml. */
    public record SchemaError(int line, int column, String message) {
    }

    private Cmi5Schema() {
    }

    /**
     * Validates a cmi5.xml. DOCTYPEs are refused and nothing external is fetched (no XXE). Returns every error, in
     * document order; a document that is not well-formed gives one error.
     */
    public static List<SchemaError> validate(byte[] xml) {
        List<SchemaError> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }
        });
        try {
            validator.validate(new SAXSource(safeReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            if (errors.isEmpty()) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }
        } catch (SAXException e) {
            errors.add(new SchemaError(0, 0, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static XMLReader safeReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema load() {
        try (InputStream in = Cmi5Schema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("CourseStructure.xsd missing from the packager's resources");
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled CourseStructure.xsd does not load", e);
        }
    }
}
