package org.pelita.packager.validate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory by hand, within the limits, before Java's ZipFile loads it whole. Only the
 * fields the checks need are kept: names, flags, compressed sizes and offsets.
 */
record CentralDirectory(List<RawEntry> entries, Charset legacyCharset) {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int CEN_HEADER_SIZE = 46;
    private static final long U32_MAX = 0xFFFFFFFFL;
    private static final int HOST_UNIX = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;
    /** What the zip spec says unflagged names are in; ISO-8859-1 if this JDK lacks it (it never fails to decode). */
    private static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    CentralDirectory {
        entries = List.copyOf(entries);
    }

    /** The charset ZipFile must use for names without the UTF-8 flag so that it agrees with {@link #entries}. */
    Charset zipFileCharset() {
        return legacyCharset == null ? StandardCharsets.UTF_8 : legacyCharset;
    }

    static CentralDirectory read(Path zip, ZipLimits limits) throws IOException, ZipProblem {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < EOCD_SIZE) {
                throw new ZipProblem("not-a-zip", "The file is not a zip archive (" + fileSize + " bytes, too short). "
                        + "Export the package again as a .zip.");
            }
            int tailSize = (int) Math.min(fileSize, EOCD_SIZE + 0xFFFF);
            ByteBuffer tail = readAt(channel, fileSize - tailSize, tailSize);
            int eocd = findEndRecord(tail);
            if (eocd < 0) {
                throw new ZipProblem("not-a-zip", "The file is not a zip archive (no end-of-central-directory record). "
                        + "Export the package again as a .zip; a .rar, .7z or a truncated download will not do.");
            }
            long eocdPos = fileSize - tailSize + eocd;
            long declaredCount = tail.getShort(eocd + 10) & 0xFFFF;
            long cenSize = tail.getInt(eocd + 12) & U32_MAX;
            long cenEnd = eocdPos;
            if (declaredCount == 0xFFFF || cenSize == U32_MAX || (tail.getInt(eocd + 16) & U32_MAX) == U32_MAX) {
                long zip64 = zip64EndRecord(channel, eocdPos);
                if (zip64 >= 0) {
                    ByteBuffer record = readAt(channel, zip64, 56);
                    declaredCount = record.getLong(32);
                    cenSize = record.getLong(40);
                    cenEnd = zip64;
                }
            }
            checkLimits(declaredCount, cenSize, limits);
            // Measured back from the end record, as ZipFile does, so zips with bytes prepended still read.
            long cenStart = cenEnd - cenSize;
            if (cenStart < 0) {
                throw new ZipProblem("corrupt-zip", "The zip's central directory claims " + cenSize
                        + " bytes, more than the file holds: the zip is truncated or damaged. Create it again.");
            }
            return parse(readAt(channel, cenStart, (int) cenSize), limits);
        }
    }

    private static void checkLimits(long count, long cenSize, ZipLimits limits) throws ZipProblem {
        if (count > limits.maxEntries() || count < 0) {
            throw new ZipProblem("too-many-entries", "The zip declares " + Long.toUnsignedString(count) + " entries, more than the limit of "
                    + limits.maxEntries() + ". Nothing was extracted. If the package is genuine, raise --max-entries.");
        }
        if (cenSize > limits.maxDirectorySize() || cenSize < 0) {
            throw new ZipProblem("directory-too-large", "The zip's central directory is " + Long.toUnsignedString(cenSize)
                    + " bytes, more than " + limits.maxDirectorySize() + " for at most " + limits.maxEntries()
                    + " entries: its names or extra fields are abnormally long. Nothing was extracted.");
        }
    }

    /** Scans back from the end; the record's comment length must fit the bytes after it. */
    private static int findEndRecord(ByteBuffer tail) {
        for (int i = tail.limit() - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG && i + EOCD_SIZE + (tail.getShort(i + 20) & 0xFFFF) <= tail.limit()) {
                return i;
            }
        }
        return -1;
    }

    private static long zip64EndRecord(FileChannel channel, long eocdPos) throws IOException {
        if (eocdPos < 20) {
            return -1;
        }
        ByteBuffer locator = readAt(channel, eocdPos - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIG) {
            return -1;
        }
        long pos = locator.getLong(8);
        if (pos < 0 || pos + 56 > eocdPos) {
            return -1;
        }
        return readAt(channel, pos, 4).getInt(0) == ZIP64_EOCD_SIG ? pos : -1;
    }

    private static CentralDirectory parse(ByteBuffer cen, ZipLimits limits) throws ZipProblem {
        List<byte[]> names = new ArrayList<>();
        List<Integer> headers = new ArrayList<>();
        int pos = 0;
        while (pos < cen.limit()) {
            if (pos + CEN_HEADER_SIZE > cen.limit() || cen.getInt(pos) != CEN_SIG) {
                throw new ZipProblem("corrupt-zip", "The zip's central directory is damaged after " + names.size()
                        + " entries. Create the zip again.");
            }
            int nameLength = cen.getShort(pos + 28) & 0xFFFF;
            int next = pos + CEN_HEADER_SIZE + nameLength + (cen.getShort(pos + 30) & 0xFFFF) + (cen.getShort(pos + 32) & 0xFFFF);
            if (next > cen.limit()) {
                throw new ZipProblem("corrupt-zip", "The zip's central directory is truncated. Create the zip again.");
            }
            if (names.size() == limits.maxEntries()) {
                // The end record may understate the count; the directory itself is what gets extracted.
                throw new ZipProblem("too-many-entries", "The zip holds more than " + limits.maxEntries()
                        + " entries. Nothing was extracted. If the package is genuine, raise --max-entries.");
            }
            byte[] name = new byte[nameLength];
            cen.get(pos + CEN_HEADER_SIZE, name);
            names.add(name);
            headers.add(pos);
            pos = next;
        }
        // ZipFile decodes every unflagged name with one charset: UTF-8 unless some unflagged name is not UTF-8.
        boolean legacy = false;
        for (int i = 0; i < names.size(); i++) {
            int flags = cen.getShort(headers.get(i) + 8) & 0xFFFF;
            if ((flags & 0x800) == 0 && decodeUtf8(names.get(i)) == null) {
                legacy = true;
            }
        }
        List<RawEntry> entries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            int at = headers.get(i);
            int flags = cen.getShort(at + 8) & 0xFFFF;
            int method = cen.getShort(at + 10) & 0xFFFF;
            // Unix tools keep the file mode in the high half of the external attributes.
            boolean unix = (cen.getShort(at + 4) >> 8 & 0xFF) == HOST_UNIX;
            boolean symlink = unix && ((cen.getInt(at + 38) >>> 16) & FILE_TYPE_MASK) == SYMLINK_TYPE;
            long compressed = cen.getInt(at + 20) & U32_MAX;
            long size = cen.getInt(at + 24) & U32_MAX;
            long offset = cen.getInt(at + 42) & U32_MAX;
            byte[] raw = names.get(i);
            String utf8 = decodeUtf8(raw);
            String name = (flags & 0x800) != 0 || !legacy
                    ? (utf8 != null ? utf8 : new String(raw, StandardCharsets.UTF_8))
                    : new String(raw, CP437);
            entries.add(new RawEntry(name, flags, method, utf8 != null, !isAscii(raw), compressed, offset,
                    compressed == U32_MAX || size == U32_MAX || offset == U32_MAX, symlink));
        }
        return new CentralDirectory(entries, legacy ? CP437 : null);
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }
}
