package org.pelita.packager.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Files no &lt;file&gt; element lists. Moodle serves them anyway, so this is information: a stray file may be a
 * leftover (or the manifest may be incomplete, which matters to LMSs that copy only listed files).
 */
final class UnreferencedFilesCheck implements ManifestCheck {
    private static final int SHOWN = 5;

    @Override
    public void check(ManifestContext context, Findings findings) {
        Set<String> referenced = new HashSet<>();
        for (ManifestModel.Resource resource : context.manifest().resources()) {
            if (resource.href() != null) {
                addIfInZip(referenced, Href.resolve(resource.base(), resource.href()));
            }
            for (ManifestModel.FileRef file : resource.files()) {
                if (file.href() != null) {
                    addIfInZip(referenced, Href.resolve(resource.base(), file.href()));
                }
            }
        }
        List<String> unreferenced = context.files().stream()
                .filter(f -> !referenced.contains(f) && !isPackagingFile(f))
                .sorted()
                .toList();
        if (!unreferenced.isEmpty()) {
            findings.info("unreferenced-files", Location.ZIP, unreferenced.size() + " file(s) in the zip are not listed"
                    + " in any <file> element, e.g. " + String.join(", ", unreferenced.subList(0, Math.min(SHOWN, unreferenced.size())))
                    + ". Moodle serves them anyway; list them if other LMSs must copy them, or remove leftovers.");
        }
    }

    private static void addIfInZip(Set<String> referenced, Href href) {
        if (href instanceof Href.InZip inZip) {
            referenced.add(inZip.path());
        }
    }

    /** The manifest and the schema files beside it are never listed as resources' files. */
    private static boolean isPackagingFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals(ZipScan.MANIFEST) || (!name.contains("/") && (lower.endsWith(".xsd") || lower.endsWith(".dtd")));
    }
}
