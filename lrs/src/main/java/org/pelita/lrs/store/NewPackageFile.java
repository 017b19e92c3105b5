package org.pelita.lrs.store;

/** A package to store with its release. */
public record NewPackageFile(StoredPackage metadata, byte[] content) {
}
