package org.pelita.packager.validate;

import static org.pelita.packager.scorm12.Scorm12Schema.ADLCP_NS;
import static org.pelita.packager.scorm12.Scorm12Schema.IMSCP_NS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Moodle matches names as written, not by namespace: IMS CP elements must carry no prefix and ADL extensions must
 * carry exactly "adlcp:". Valid XML with other prefixes is silently misread.
 */
final class NamespaceCheck implements ManifestCheck {
    private record PrefixUse(String example, int line, int count) {
    }

    @Override
    public void check(ManifestContext context, Findings findings) {
        Map<String, PrefixUse> imscpPrefixes = new LinkedHashMap<>();
        NodeList elements = context.document().getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (IMSCP_NS.equals(element.getNamespaceURI()) && element.getPrefix() != null) {
                imscpPrefixes.merge(element.getPrefix(), new PrefixUse(element.getNodeName(), ManifestDom.line(element), 1),
                        (first, next) -> new PrefixUse(first.example(), first.line(), first.count() + 1));
            }
            if (ADLCP_NS.equals(element.getNamespaceURI()) && !"adlcp".equals(element.getPrefix())) {
                findings.error("adlcp-prefix", ManifestContext.at(ManifestDom.line(element)), "<" + element.getNodeName()
                        + "> is in the ADL namespace but not written 'adlcp:" + element.getLocalName() + "'. Moodle"
                        + " matches the name as written and ignores it" + consequence(element.getLocalName())
                        + ". Declare xmlns:adlcp=\"" + ADLCP_NS + "\" and use the adlcp: prefix.");
            }
            checkAttributes(element, findings);
        }
        imscpPrefixes.forEach((prefix, use) -> findings.error("imscp-prefixed", ManifestContext.at(use.line()),
                use.count() + " IMS CP element(s) carry the prefix '" + prefix + ":' (first: <" + use.example() + ">)."
                        + " Moodle matches names as written and finds no <manifest>, <item> or <resource>. Declare the"
                        + " IMS CP namespace as the default (xmlns=\"" + IMSCP_NS + "\") and drop the prefix."));
    }

    private static void checkAttributes(Element element, Findings findings) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            Location where = ManifestContext.at(ManifestDom.line(element));
            boolean adl = ADLCP_NS.equals(attribute.getNamespaceURI());
            if (adl && !"adlcp".equals(attribute.getPrefix())) {
                findings.error("adlcp-prefix", where, "The attribute " + attribute.getNodeName() + " on <"
                        + element.getNodeName() + "> is in the ADL namespace but not written 'adlcp:" + local + "'."
                        + " Moodle matches the name as written and ignores it" + consequence(local)
                        + ". Use the adlcp: prefix bound to " + ADLCP_NS + ".");
            } else if (!adl && attribute.getNamespaceURI() == null && local.equalsIgnoreCase("scormtype")) {
                findings.error("adlcp-prefix", where, "The attribute " + attribute.getNodeName() + " on <"
                        + element.getNodeName() + "> has no adlcp: prefix. Moodle ignores it" + consequence(local)
                        + ". Write adlcp:scormtype with xmlns:adlcp=\"" + ADLCP_NS + "\".");
            }
            if (local.equalsIgnoreCase("scormtype") && !local.equals("scormtype")) {
                findings.error("scormtype-spelling", where, "The attribute is spelled '" + local + "'; SCORM 1.2"
                        + " spells it 'scormtype', all lower case ('scormType' is the SCORM 2004 spelling). The schema"
                        + " refuses it and case-sensitive LMSs treat the resource as an untracked asset (Moodle folds"
                        + " case and happens to read it). Rename it to adlcp:scormtype.");
            }
        }
    }

    private static String consequence(String localName) {
        return switch (localName.toLowerCase(java.util.Locale.ROOT)) {
            case "scormtype" -> ": the SCO becomes an untracked asset, so no score or completion reaches the gradebook";
            case "masteryscore" -> ": the mastery score is lost, so Moodle never sets passed or failed from it";
            default -> "";
        };
    }
}
