package org.pelita.packager.target;

import java.util.List;

/** A package ready to archive: its file name and its entries. */
public record PackageContents(String fileName, List<PackageEntry> entries) {
    public PackageContents {
        entries = List.copyOf(entries);
    }
}
