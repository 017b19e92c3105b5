package org.pelita.packager.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXSource;
import org.pelita.packager.cmi5.Cmi5Schema;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * cmi5 packages (cmi5 section 14.1): cmi5.xml at the zip root, valid against the official CourseStructure.xsd, course,
 * block and AU ids that are absolute IRIs and unique, and AU URLs that are in the zip (or, when absolute, said to be
 * outside it). The zip itself has been checked by {@link SafeZip} first; cmi5.xml is read again here with the manifest's
 * size limit and parsed without DTDs or entities.
 */
final class Cmi5Check {
    static final String DESCRIPTOR = "cmi5.xml";
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    /** Enough to show what is wrong; a broken generator repeats the same error for every AU. */
    private static final int MAX_SCHEMA_ERRORS = 20;

    private Cmi5Check() {
    }

    /** Whether the zip is meant as a cmi5 package: cmi5.xml at its root and no SCORM manifest or tincan.xml there. */
    static boolean applies(ZipScan scan) {
        return !scan.rootManifestPresent() && !scan.files().contains(TinCanCheck.DESCRIPTOR) && scan.files().contains(DESCRIPTOR);
    }

    static void check(Path zip, ZipScan scan, ZipLimits limits, Findings findings) {
        byte[] bytes = read(zip, limits, findings);
        if (bytes == null) {
            return;
        }
        Document document;
        try {
            DOMResult result = new DOMResult();
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newTransformer()
                    .transform(new SAXSource(Scorm12Schema.secureReader(), new InputSource(new ByteArrayInputStream(bytes))), result);
            document = (Document) result.getNode();
        } catch (TransformerException | SAXException e) {
            findings.error("cmi5-malformed", Location.entry(DESCRIPTOR), "cmi5.xml is not well-formed XML or declares a"
                    + " DOCTYPE (refused): " + e.getMessage() + ". An LMS cannot import the course.");
            return;
        }
        Element root = document.getDocumentElement();
        if (!"courseStructure".equals(root.getLocalName()) || !Cmi5Schema.NAMESPACE.equals(root.getNamespaceURI())) {
            findings.error("cmi5-root", Location.entry(DESCRIPTOR), "The root element is <" + root.getNodeName() + "> in the"
                    + " namespace '" + root.getNamespaceURI() + "', not <courseStructure xmlns=\"" + Cmi5Schema.NAMESPACE
                    + "\">: LMSs refuse it as a cmi5 course structure.");
            return;
        }
        List<Cmi5Schema.SchemaError> errors = Cmi5Schema.validate(bytes);
        for (Cmi5Schema.SchemaError error : errors.subList(0, Math.min(errors.size(), MAX_SCHEMA_ERRORS))) {
            findings.error("cmi5-schema", Location.at(DESCRIPTOR, error.line()), "Not valid against CourseStructure.xsd: "
                    + error.message() + " cmi5 LMSs validate the course structure on import and refuse it.");
        }
        Set<String> ids = new HashSet<>();
        List<Element> identified = new ArrayList<>(children(root, "course"));
        collect(root, identified);
        for (Element element : identified) {
            String id = element.getAttribute("id");
            if (!ABSOLUTE_IRI.matcher(id).matches()) {
                findings.error("cmi5-id", Location.entry(DESCRIPTOR), "The " + element.getLocalName() + " id '" + id
                        + "' is not an absolute IRI; cmi5 uses it as an xAPI activity id. Use e.g. https://example.org/modules/name.");
            } else if (!ids.add(id)) {
                findings.error("cmi5-duplicate-id", Location.entry(DESCRIPTOR), "The id '" + id + "' appears twice: the"
                        + " course, each block and each AU need their own IRI.");
            }
            if ("au".equals(element.getLocalName())) {
                children(element, "url").forEach(url -> checkUrl(id, url.getTextContent().trim(), scan, findings));
            }
        }
    }

    /** Blocks and AUs at any depth, in document order. */
    private static void collect(Element parent, List<Element> into) {
        for (Element child : children(parent, null)) {
            if ("au".equals(child.getLocalName()) || "block".equals(child.getLocalName())) {
                into.add(child);
                collect(child, into);
            }
        }
    }

    private static void checkUrl(String id, String url, ZipScan scan, Findings findings) {
        Href href = Href.resolve(null, url);
        if (href instanceof Href.External external) {
            findings.warning("cmi5-au-external", Location.entry(DESCRIPTOR), "The AU '" + id + "' launches " + external.url()
                    + ", outside the package: it works only while that site is up.");
        } else if (href instanceof Href.Outside outside) {
            findings.error("cmi5-au-outside", Location.entry(DESCRIPTOR), "The url '" + url + "' of the AU '" + id
                    + "' cannot be in the package: " + outside.reason() + ".");
        } else if (href instanceof Href.InZip inZip && !scan.files().contains(inZip.path())) {
            findings.error("cmi5-au-missing", Location.entry(DESCRIPTOR), "The AU '" + id + "' launches '" + url + "', which"
                    + " is not in the zip.");
        }
    }

    /** Child elements by local name (any name when null), in any namespace. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    /** cmi5.xml's bytes, at most the manifest size limit; null (with a finding) when it cannot be read. */
    private static byte[] read(Path zip, ZipLimits limits, Findings findings) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(DESCRIPTOR);
            if (entry == null) {
                return null;
            }
            Optional<byte[]> bytes = EntryBytes.read(file, entry, limits.maxManifestSize());
            if (bytes.isEmpty()) {
                findings.error("cmi5-too-large", Location.entry(DESCRIPTOR), "cmi5.xml is larger than " + limits.maxManifestSize()
                        + " bytes; real ones are a few kilobytes. It was not parsed.");
                return null;
            }
            return bytes.get();
        } catch (IOException e) {
            findings.error("cmi5-unreadable", Location.entry(DESCRIPTOR), "cmi5.xml cannot be read: " + e.getMessage());
            return null;
        }
    }
}
