/**
 * cmi5.xml (the cmi5 course structure, cmi5 section 13) as JAXB classes, with the CourseStructure.xsd namespace as the
 * default namespace, as in the specification's examples.
 */
@XmlSchema(namespace = Cmi5Schema.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "", namespaceURI = Cmi5Schema.NAMESPACE)})
package org.pelita.packager.target.cmi5.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import org.pelita.packager.cmi5.Cmi5Schema;
