/**
 * tincan.xml (the TinCan package descriptor, Rustici's launch convention) as JAXB classes: the tincan namespace as
 * the default namespace, as in every published example, so LMSs that match names literally find the elements.
 */
@XmlSchema(namespace = TinCanXml.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "", namespaceURI = TinCanXml.NAMESPACE)})
package org.pelita.packager.target.tincan.xml;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
