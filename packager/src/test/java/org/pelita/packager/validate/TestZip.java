package org.pelita.packager.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips byte by byte, so tests can build what no well-behaved zip tool writes: escaping names, duplicates,
 * lying sizes, bad checksums, encrypted flags, odd compression methods, symbolic links, overlapping entries. Each {@code with...} method changes the entry
 * added last.
 */
public final class TestZip {
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private static final class Entry {
        byte[] name;
        byte[] data;
        int method;
        long crc;
        long size;
        int flags;
        int madeBy = 20;
        int externalAttributes;
        int aliasOf = -1;
    }

    private final List<Entry> entries = new ArrayList<>();

    public static TestZip create() {
        return new TestZip();
    }

    public TestZip add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestZip add(String name, byte[] content) {
        return addDeflated(name.getBytes(StandardCharsets.UTF_8), deflate(content), content.length, crc(content));
    }

    public TestZip addStored(String name, byte[] content) {
        Entry entry = new Entry();
        entry.name = name.getBytes(StandardCharsets.UTF_8);
        entry.data = content;
        entry.method = STORED;
        entry.crc = crc(content);
        entry.size = content.length;
        entries.add(entry);
        return this;
    }

    public TestZip addFolder(String name) {
        return addStored(name.endsWith("/") ? name : name + "/", new byte[0]);
    }

    /** An entry whose data is already deflated: the way to add a large payload without holding it. */
    public TestZip addDeflated(byte[] name, byte[] deflated, long size, long crc) {
        Entry entry = new Entry();
        entry.name = name;
        entry.data = deflated;
        entry.method = DEFLATED;
        entry.crc = crc;
        entry.size = size;
        entries.add(entry);
        return this;
    }

    /** A central-directory record that points at the data of an earlier entry (a non-recursive zip bomb). */
    public TestZip addAlias(String name, int index) {
        Entry original = entries.get(index);
        Entry alias = new Entry();
        alias.name = name.getBytes(StandardCharsets.UTF_8);
        alias.data = original.data;
        alias.method = original.method;
        alias.crc = original.crc;
        alias.size = original.size;
        alias.aliasOf = index;
        entries.add(alias);
        return this;
    }

    public TestZip withDeclaredSize(long size) {
        last().size = size;
        return this;
    }

    public TestZip withCrc(long crc) {
        last().crc = crc;
        return this;
    }

    public TestZip withFlags(int flags) {
        last().flags = flags;
        return this;
    }

    public TestZip withMethod(int method) {
        last().method = method;
        return this;
    }

    /** Marks the entry as a Unix symbolic link, as Info-ZIP's {@code zip -y} stores one. */
    public TestZip asSymlink() {
        last().madeBy = (3 << 8) | 30;
        last().externalAttributes = 0120777 << 16;
        return this;
    }

    public TestZip withNameBytes(byte[] name) {
        last().name = name;
        return this;
    }

    public Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(toBytes());
        }
        return file;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.aliasOf >= 0) {
                offsets[i] = offsets[entry.aliasOf];
            } else {
                offsets[i] = zip.size();
                ByteBuffer local = le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) entry.flags)
                        .putShort((short) entry.method).putInt(0).putInt((int) entry.crc).putInt(entry.data.length)
                        .putInt((int) entry.size).putShort((short) entry.name.length).putShort((short) 0);
                zip.writeBytes(local.array());
                zip.writeBytes(entry.name);
                zip.writeBytes(entry.data);
            }
            ByteBuffer central = le(46).putInt(0x02014b50).putShort((short) entry.madeBy).putShort((short) 20)
                    .putShort((short) entry.flags).putShort((short) entry.method).putInt(0).putInt((int) entry.crc)
                    .putInt(entry.data.length).putInt((int) entry.size).putShort((short) entry.name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(entry.externalAttributes).putInt((int) offsets[i]);
            directory.writeBytes(central.array());
            directory.writeBytes(entry.name);
        }
        int directoryOffset = zip.size();
        zip.writeBytes(directory.toByteArray());
        ByteBuffer end = le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(directory.size())
                .putInt(directoryOffset).putShort((short) 0);
        zip.writeBytes(end.array());
        return zip.toByteArray();
    }

    /** Deflates {@code size} zero bytes in chunks, never holding them: a 200 MiB payload costs ~200 KiB. */
    public static Payload zeros(long size) {
        byte[] chunk = new byte[1 << 20];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        CRC32 crc = new CRC32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (long left = size; left > 0; left -= chunk.length) {
            int length = (int) Math.min(chunk.length, left);
            crc.update(chunk, 0, length);
            deflater.setInput(chunk, 0, length);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new Payload(out.toByteArray(), size, crc.getValue());
    }

    public record Payload(byte[] deflated, long size, long crc) {
    }

    private Entry last() {
        return entries.get(entries.size() - 1);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }
}
