package org.pelita.packager.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a namespace-aware DOM of a manifest from {@link Scorm12Schema#secureReader()}, so DOCTYPEs and external
 * entities are refused (XXE), and stores each element's line as user data (a DOM parser would forget it).
 */
final class ManifestDom {
    /** Deeper nesting is no manifest; the limit also keeps the recursive checks far from a stack overflow. */
    static final int MAX_DEPTH = 256;
    private static final String LINE = "org.pelita.validate.line";

    private ManifestDom() {
    }

    /** Why a manifest could not be parsed, as the finding to report. */
    static final class Refused extends Exception {
        private final transient Finding finding;

        Refused(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }

        Finding finding() {
            return finding;
        }
    }

    static Document parse(byte[] manifest) throws Refused {
        Builder builder = new Builder(newDocument());
        try {
            XMLReader reader = Scorm12Schema.secureReader();
            reader.setContentHandler(builder);
            reader.setErrorHandler(builder);
            reader.parse(new InputSource(new ByteArrayInputStream(manifest)));
        } catch (TooDeep e) {
            throw new Refused(Finding.error("manifest-too-deep", Location.at(ZipScan.MANIFEST, e.line),
                    "Elements are nested more than " + MAX_DEPTH + " levels deep. No real manifest does this; the file"
                            + " was not checked further."));
        } catch (SAXParseException e) {
            throw new Refused(refusal(manifest, e));
        } catch (SAXException e) {
            throw new Refused(Finding.error("manifest-malformed", Location.entry(ZipScan.MANIFEST),
                    "imsmanifest.xml is not well-formed XML: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return builder.document;
    }

    /** The line recorded for an element while parsing (0 for nodes the parser did not create). */
    static int line(Node node) {
        Object line = node.getUserData(LINE);
        return line instanceof Integer number ? number : 0;
    }

    private static Finding refusal(byte[] manifest, SAXParseException e) {
        Location where = Location.at(ZipScan.MANIFEST, e.getLineNumber());
        if (String.valueOf(e.getMessage()).contains("DOCTYPE") || declaresDoctype(manifest)) {
            return Finding.error("manifest-doctype", where, "imsmanifest.xml has a DOCTYPE declaration. DTDs and"
                    + " entities are not allowed in a SCORM manifest (they can read files from the server or exhaust"
                    + " its memory), so it was not parsed. Remove the <!DOCTYPE ...> and any &entity; references.");
        }
        return Finding.error("manifest-malformed", where, "imsmanifest.xml is not well-formed XML: "
                + e.getMessage() + " LMSs refuse it (Moodle stops the upload with a raw XML error; it repairs only a"
                + " bare '&'). Fix the XML at this line.");
    }

    private static boolean declaresDoctype(byte[] manifest) {
        String head = new String(manifest, 0, Math.min(manifest.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE");
    }

    private static Document newDocument() {
        try {
            // Only used to create nodes; it never parses anything.
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM implementation", e);
        }
    }

    private static final class TooDeep extends SAXException {
        private final int line;

        TooDeep(int line) {
            this.line = line;
        }
    }

    /** Turns SAX events into DOM nodes, keeping prefixes, namespaces and lines. */
    private static final class Builder extends DefaultHandler {
        private final Document document;
        private Node current;
        private Locator locator;
        private int depth;

        Builder(Document document) {
            this.document = document;
            this.current = document;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            int line = locator == null ? 0 : locator.getLineNumber();
            if (++depth > MAX_DEPTH) {
                throw new TooDeep(line);
            }
            Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeUri = attributes.getURI(i);
                element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i), attributes.getValue(i));
            }
            element.setUserData(LINE, line, null);
            current.appendChild(element);
            current = element;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            current = current.getParentNode();
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != document) {
                current.appendChild(document.createTextNode(new String(ch, start, length)));
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
