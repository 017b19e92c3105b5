package org.pelita.packager.validate;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the DOM the way Moodle reads a manifest: by the name as written (prefix included, namespace ignored),
 * after folding case, since PHP's XML parser upper-cases every name before Moodle compares it.
 */
final class Dom {
    private Dom() {
    }

    static boolean named(Node node, String qualifiedName) {
        return node instanceof Element && node.getNodeName().equalsIgnoreCase(qualifiedName);
    }

    static List<Element> children(Element parent, String qualifiedName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (named(child, qualifiedName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    static Element firstChild(Element parent, String qualifiedName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (named(child, qualifiedName)) {
                return (Element) child;
            }
        }
        return null;
    }

    /** The attribute with this written name, or null when absent. */
    static String attribute(Element element, String qualifiedName) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (attribute.getNodeName().equalsIgnoreCase(qualifiedName)) {
                return attribute.getNodeValue();
            }
        }
        return null;
    }

    static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }
}
