package org.pelita.packager.target.scorm12;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.pelita.packager.target.scorm12.manifest.Manifest;

/** Writes {@link Manifest} as imsmanifest.xml through JAXB: UTF-8, indented, with schema locations. */
final class ManifestWriter {
    private static final JAXBContext CONTEXT = context();

    private ManifestWriter() {
    }

    static byte[] write(Manifest manifest) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_SCHEMA_LOCATION, Scorm12Schema.SCHEMA_LOCATION);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(manifest, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Manifest.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the manifest classes are not valid JAXB classes", e);
        }
    }
}
