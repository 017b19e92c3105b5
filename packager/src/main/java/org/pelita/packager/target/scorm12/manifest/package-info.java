/**
 * The SCORM 1.2 manifest (IMS Content Packaging 1.1.2 with the ADL extensions and IMS metadata 1.2.1) as
 * JAXB classes. Moodle matches element names literally: the IMS CP namespace must be the default namespace
 * and the ADL namespace must use the prefix {@code adlcp}, so both are fixed here.
 */
@XmlSchema(namespace = Scorm12Schema.IMSCP_NS, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "", namespaceURI = Scorm12Schema.IMSCP_NS),
        @XmlNs(prefix = "adlcp", namespaceURI = Scorm12Schema.ADLCP_NS),
        @XmlNs(prefix = "imsmd", namespaceURI = Scorm12Schema.IMSMD_NS),
        @XmlNs(prefix = "xsi", namespaceURI = "http://www.w3.org/2001/XMLSchema-instance")})
package org.pelita.packager.target.scorm12.manifest;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import org.pelita.packager.scorm12.Scorm12Schema;
