package org.pelita.packager.validate;

/**
 * One central-directory record as stored, read without {@link java.util.zip.ZipFile} (which refuses a whole zip
 * when one entry is encrypted or badly named, so it could not tell which one).
 *
 * @param name          the name decoded the way ZipFile will decode it
 * @param nameBytesUtf8 whether the stored bytes are valid UTF-8
 * @param sizesInZip64  whether sizes or offset are kept in a ZIP64 extra field (the fields here are then not real)
 * @param symlink       whether a Unix zip tool stored the entry as a symbolic link
 */
record RawEntry(String name, int flags, int method, boolean nameBytesUtf8, boolean nonAsciiName, long compressedSize,
                long localHeaderOffset, boolean sizesInZip64, boolean symlink) {
    private static final int ENCRYPTED = 0x1;
    private static final int UTF8_NAME = 0x800;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    boolean encrypted() {
        return (flags & ENCRYPTED) != 0;
    }

    boolean flaggedUtf8() {
        return (flags & UTF8_NAME) != 0;
    }

    /** Java, and most unzip code on servers, reads only these two; Deflate64 or LZMA entries cannot be extracted. */
    boolean supportedMethod() {
        return method == STORED || method == DEFLATED;
    }

    boolean directory() {
        return name.endsWith("/");
    }
}
