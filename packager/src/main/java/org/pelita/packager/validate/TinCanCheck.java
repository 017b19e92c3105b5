package org.pelita.packager.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
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
import org.pelita.packager.scorm12.Scorm12Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * TinCan packages (Rustici's launch convention, shared/schemas/tincan): tincan.xml at the zip root, in the tincan
 * namespace, with activities whose ids are absolute IRIs, and an activity whose launch file is in the zip. The zip
 * itself has been checked by {@link SafeZip} first; tincan.xml is read again here with the manifest's size limit and
 * parsed without DTDs or entities.
 */
final class TinCanCheck {
    static final String DESCRIPTOR = "tincan.xml";
    static final String NAMESPACE = "http://projecttincan.com/tincan.xsd";
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final Location WHERE = Location.entry(DESCRIPTOR);

    private TinCanCheck() {
    }

    /** Whether the zip is meant as a TinCan package: tincan.xml at its root and no SCORM manifest there. */
    static boolean applies(ZipScan scan) {
        return !scan.rootManifestPresent() && scan.files().contains(DESCRIPTOR);
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
            findings.error("tincan-malformed", WHERE, "tincan.xml is not well-formed XML or declares a DOCTYPE (refused): "
                    + e.getMessage() + ". An LMS cannot read which activity to launch.");
            return;
        }
        Element root = document.getDocumentElement();
        if (!"tincan".equals(root.getLocalName())) {
            findings.error("tincan-root", WHERE, "The root element is <" + root.getNodeName() + ">, not <tincan>: this is"
                    + " not a TinCan package descriptor.");
            return;
        }
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            findings.warning("tincan-namespace", WHERE, "<tincan> is in the namespace '" + root.getNamespaceURI()
                    + "', not " + NAMESPACE + ": LMSs that check tincan.xml against tincan.xsd refuse it."
                    + " Write <tincan xmlns=\"" + NAMESPACE + "\">.");
        }
        List<Element> activities = children(children(root, "activities").stream().findFirst().orElse(root), "activity");
        if (activities.isEmpty()) {
            findings.error("tincan-no-activity", WHERE, "tincan.xml lists no <activity> under <activities>: an LMS has"
                    + " nothing to import.");
            return;
        }
        Set<String> ids = new HashSet<>();
        int launchable = 0;
        for (Element activity : activities) {
            String id = activity.getAttribute("id");
            if (!ABSOLUTE_IRI.matcher(id).matches()) {
                findings.error("tincan-activity-id", WHERE, "The activity id '" + id + "' is not an absolute IRI; LRSs"
                        + " refuse statements about it. Use e.g. https://example.org/modules/name.");
            } else if (!ids.add(id)) {
                findings.error("tincan-duplicate-id", WHERE, "The activity id '" + id + "' appears twice: each activity"
                        + " needs its own IRI.");
            }
            if (activity.getAttribute("type").isEmpty()) {
                findings.warning("tincan-activity-type", WHERE, "The activity '" + id + "' has no type; LMSs list"
                        + " typed activities (e.g. http://adlnet.gov/expapi/activities/course) as courses.");
            }
            if (children(activity, "name").isEmpty()) {
                findings.warning("tincan-no-name", WHERE, "The activity '" + id + "' has no <name>: an LMS shows its IRI"
                        + " to learners instead.");
            }
            List<Element> launches = children(activity, "launch");
            if (!launches.isEmpty()) {
                launchable++;
            }
            for (Element launch : launches) {
                checkLaunch(id, launch.getTextContent().trim(), scan, findings);
            }
        }
        if (launchable == 0) {
            findings.error("tincan-no-launch", WHERE, "No activity has a <launch>: an LMS has nothing to open.");
        }
    }

    private static void checkLaunch(String id, String launch, ZipScan scan, Findings findings) {
        Href href = Href.resolve(null, launch);
        if (href instanceof Href.External external) {
            findings.warning("tincan-launch-external", WHERE, "The activity '" + id + "' launches " + external.url()
                    + ", outside the package: it works only while that site is up.");
        } else if (href instanceof Href.Outside outside) {
            findings.error("tincan-launch-outside", WHERE, "The launch '" + launch + "' of '" + id + "' cannot be in the"
                    + " package: " + outside.reason() + ".");
        } else if (href instanceof Href.InZip inZip && !scan.files().contains(inZip.path())) {
            findings.error("tincan-launch-missing", WHERE, "The activity '" + id + "' launches '" + launch + "', which is"
                    + " not in the zip.");
        }
    }

    /** Child elements by local name, in any namespace. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new java.util.ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** tincan.xml's bytes, at most the manifest size limit; null (with a finding) when it cannot be read. */
    private static byte[] read(Path zip, ZipLimits limits, Findings findings) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(DESCRIPTOR);
            if (entry == null) {
                return null;
            }
            Optional<byte[]> bytes = EntryBytes.read(file, entry, limits.maxManifestSize());
            if (bytes.isEmpty()) {
                findings.error("tincan-too-large", WHERE, "tincan.xml is larger than " + limits.maxManifestSize()
                        + " bytes; real ones are a few kilobytes. It was not parsed.");
                return null;
            }
            return bytes.get();
        } catch (IOException e) {
            findings.error("tincan-unreadable", WHERE, "tincan.xml cannot be read: " + e.getMessage());
            return null;
        }
    }
}
