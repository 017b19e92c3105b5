package org.pelita.packager.validate;

/**
 * How much of a zip the validator is willing to read. Every limit is checked against bytes actually inflated, not
 * against the sizes the zip declares, since a hostile zip can declare anything.
 *
 * @param maxEntries           entries in the central directory
 * @param maxTotalSize         uncompressed bytes over all entries
 * @param maxManifestSize      uncompressed bytes of imsmanifest.xml, the only entry kept in memory
 * @param maxCompressionRatio  uncompressed/compressed ratio above which a large entry counts as a zip bomb
 * @param ratioCheckFromSize   entries smaller than this are never called bombs (tiny text files compress well)
 */
public record ZipLimits(int maxEntries, long maxTotalSize, long maxManifestSize, int maxCompressionRatio,
                        long ratioCheckFromSize) {
    public static final long MIB = 1024L * 1024;
    public static final ZipLimits DEFAULTS = new ZipLimits(20_000, 1024 * MIB, 10 * MIB, 100, MIB);

    public ZipLimits {
        if (maxEntries < 1 || maxTotalSize < 1 || maxManifestSize < 1 || maxCompressionRatio < 1 || ratioCheckFromSize < 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }

    public ZipLimits withMaxEntries(int entries) {
        return new ZipLimits(entries, maxTotalSize, maxManifestSize, maxCompressionRatio, ratioCheckFromSize);
    }

    public ZipLimits withMaxTotalSize(long bytes) {
        return new ZipLimits(maxEntries, bytes, maxManifestSize, maxCompressionRatio, ratioCheckFromSize);
    }

    public ZipLimits withMaxManifestSize(long bytes) {
        return new ZipLimits(maxEntries, maxTotalSize, bytes, maxCompressionRatio, ratioCheckFromSize);
    }

    /**
     * The largest central directory accepted: 1 KiB per allowed entry on average (real packages need about 150
     * bytes), at least 64 KiB, and small enough for one array. Checked before Java's ZipFile loads the whole directory into memory.
     */
    public long maxDirectorySize() {
        return Math.min(Integer.MAX_VALUE - 64L, Math.max(64 * 1024L, maxEntries * 1024L));
    }
}
