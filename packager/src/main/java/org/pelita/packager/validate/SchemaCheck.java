package org.pelita.packager.validate;

import java.util.List;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.xml.sax.SAXException;

/** Validates the manifest against the bundled SCORM 1.2 schemas (never fetched from the network). */
final class SchemaCheck {
    private static final String NOTE = " Moodle does not validate schemas and may import it anyway, but stricter LMSs"
            + " refuse it.";

    private SchemaCheck() {
    }

    /** Takes the raw bytes: validation must see exactly what the LMS will see. */
    static void check(byte[] manifest, Findings findings) {
        List<Scorm12Schema.SchemaError> errors;
        try {
            errors = Scorm12Schema.validate(manifest);
        } catch (SAXException e) {
            // The manifest already parsed, so this is unexpected; report it rather than lose it.
            findings.error("schema-invalid", Location.entry(ZipScan.MANIFEST),
                    "Schema validation stopped: " + e.getMessage() + NOTE);
            return;
        }
        for (Scorm12Schema.SchemaError error : errors) {
            findings.error("schema-invalid", Location.at(ZipScan.MANIFEST, error.line()),
                    "Not valid against the SCORM 1.2 schemas: " + error.message() + NOTE);
        }
    }
}
