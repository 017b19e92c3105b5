package org.pelita.packager.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a zip that may be hostile without extracting anything to disk. Every entry is inflated once, into a
 * discarding counter, to prove it is intact; only imsmanifest.xml is kept in memory. Limits are enforced on the
 * bytes actually inflated because the sizes a zip declares can lie.
 */
final class SafeZip {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ZipLimits limits;
    private final Findings findings;
    private final byte[] buffer = new byte[BUFFER_SIZE];

    private SafeZip(ZipLimits limits, Findings findings) {
        this.limits = limits;
        this.findings = findings;
    }

    static ZipScan scan(Path zip, ZipLimits limits, Findings findings) {
        return new SafeZip(limits, findings).scan(zip);
    }

    private ZipScan scan(Path zip) {
        if (!Files.isRegularFile(zip)) {
            findings.error("not-a-zip", Location.ZIP, Files.exists(zip)
                    ? "This is a folder, not a zip file. Zip the folder's contents (not the folder itself) and validate the zip."
                    : "No such file. Check the path.");
            return ZipScan.UNREADABLE;
        }
        CentralDirectory directory;
        try {
            directory = CentralDirectory.read(zip, limits);
        } catch (ZipProblem problem) {
            findings.add(problem.toFinding());
            return ZipScan.UNREADABLE;
        } catch (IOException e) {
            findings.error("not-a-zip", Location.ZIP, "The file cannot be read as a zip (" + e.getMessage() + ").");
            return ZipScan.UNREADABLE;
        }
        checkNames(directory.entries());
        checkOverlaps(directory.entries());
        if (!javaCanOpen(directory.entries())) {
            return ZipScan.UNREADABLE;
        }
        try (ZipFile zipFile = new ZipFile(zip.toFile(), directory.zipFileCharset())) {
            return readEntries(zipFile, directory.entries());
        } catch (IOException e) {
            findings.error("corrupt-zip", Location.ZIP, "The zip is damaged and cannot be opened (" + e.getMessage()
                    + "). Create it again with a standard zip tool.");
            return ZipScan.UNREADABLE;
        }
    }

    private void checkNames(List<RawEntry> entries) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (RawEntry entry : entries) {
            String name = entry.name();
            Location where = Location.entry(name);
            EntryNames.escapeReason(name).ifPresent(reason -> findings.error("zip-slip", where,
                    "Unsafe entry name: " + reason + ", so extracting it could write outside the package folder"
                            + " (zip slip). Remove it or use a path relative to the zip root."));
            if (EntryNames.hasBackslash(name)) {
                findings.error("entry-name-backslash", where, "The name uses '\\' as a folder separator. Zip names"
                        + " must use '/': on Moodle's Linux servers this becomes one file with a backslash in its name"
                        + " and links to it break. Re-create the zip with a tool that writes '/'.");
            }
            if (!seen.add(name) && reported.add(name)) {
                findings.error("duplicate-entry", where, "The zip holds two entries with this name. Which one an"
                        + " extractor keeps is undefined; remove the duplicate.");
            }
            if (entry.flaggedUtf8() && !entry.nameBytesUtf8()) {
                findings.error("entry-name-invalid-utf8", where, "The name is flagged as UTF-8 but its bytes are not"
                        + " UTF-8, so the zip cannot be read by Java and is renamed unpredictably elsewhere. Rename the file"
                        + " and zip again.");
            } else if (entry.nonAsciiName() && !entry.flaggedUtf8()) {
                findings.warning("entry-name-not-utf8", where, "The name has non-ASCII characters but the zip does not"
                        + " flag it as UTF-8, so each system guesses its encoding and references from the manifest may"
                        + " not match. Use ASCII file names, or a zip tool that writes UTF-8 names.");
            }
            if (!entry.supportedMethod()) {
                findings.error("unsupported-compression", where, "The entry uses compression method " + entry.method()
                        + " (" + methodName(entry.method()) + "); zip readers on servers, Java's and Moodle's included,"
                        + " only read 'stored' and 'deflate'. Windows' built-in zip writes Deflate64 for very large files;"
                        + " zip the package again with a tool set to plain deflate.");
            }
            if (entry.symlink()) {
                findings.error("symlink-entry", where, "The entry is a symbolic link. Extracted by a tool that honours"
                        + " links it can point anywhere on the server (a zip-slip variant), and it is no content anyway."
                        + " Replace it with the file it points to.");
            }
            if (entry.encrypted()) {
                findings.error("encrypted-entry", where, "The entry is encrypted (password-protected). Moodle cannot"
                        + " extract it. Zip the package again without a password.");
            }
        }
    }

    private static String methodName(int method) {
        return switch (method) {
            case 9 -> "Deflate64";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 93 -> "Zstandard";
            case 95 -> "XZ";
            case 99 -> "AES encryption";
            default -> "not standard";
        };
    }

    /** Two entries whose data overlap are the trick behind non-recursive zip bombs (one payload, many names). */
    private void checkOverlaps(List<RawEntry> entries) {
        List<RawEntry> sorted = entries.stream().filter(e -> !e.sizesInZip64())
                .sorted(Comparator.comparingLong(RawEntry::localHeaderOffset)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            RawEntry before = sorted.get(i - 1);
            RawEntry after = sorted.get(i);
            // 30 bytes is the smallest local header: a lower bound, so a normal zip never trips it.
            if (before.localHeaderOffset() + 30 + before.compressedSize() > after.localHeaderOffset()) {
                findings.error("overlapping-entries", Location.entry(after.name()), "The data of this entry overlaps"
                        + " the entry '" + before.name() + "'. Normal zip tools never write this; it is how a zip bomb"
                        + " multiplies one payload. Do not extract this zip.");
            }
        }
    }

    /** Java's ZipFile refuses the whole zip for these, so the contents cannot be checked. */
    private boolean javaCanOpen(List<RawEntry> entries) {
        boolean blocked = entries.stream()
                .anyMatch(e -> e.encrypted() || !e.supportedMethod() || (e.flaggedUtf8() && !e.nameBytesUtf8()));
        if (blocked) {
            findings.info("contents-not-checked", Location.ZIP, "The entries' contents and the manifest were not"
                    + " checked because of the errors above. Fix them and validate again.");
        }
        return !blocked;
    }

    private ZipScan readEntries(ZipFile zipFile, List<RawEntry> rawEntries) {
        Set<String> files = new LinkedHashSet<>();
        for (RawEntry entry : rawEntries) {
            if (!entry.directory()) {
                files.add(entry.name());
            }
        }
        boolean inflateAll = checkDeclaredTotal(zipFile);
        boolean rootManifest = files.contains(ZipScan.MANIFEST);
        byte[] manifest = null;
        boolean manifestTried = false;
        long total = 0;
        List<String> archives = new ArrayList<>();
        // Each entry is read right after the enumeration returns it: ZipFile then reads that very record,
        // while a lookup by name would read the same data for two entries with the same name.
        Enumeration<? extends ZipEntry> enumeration = zipFile.entries();
        while (enumeration.hasMoreElements()) {
            ZipEntry entry = enumeration.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            if (EntryNames.isArchive(entry.getName())) {
                archives.add(entry.getName());
            }
            boolean isManifest = !manifestTried && entry.getName().equals(ZipScan.MANIFEST);
            if (!isManifest && !inflateAll) {
                continue;
            }
            manifestTried |= isManifest;
            if (declaresBomb(entry)) {
                continue;
            }
            if (isManifest && entry.getSize() > limits.maxManifestSize()) {
                manifestTooLarge();
                continue;
            }
            ByteArrayOutputStream kept = isManifest ? new ByteArrayOutputStream() : null;
            // The manifest is read even past the total limit: its own, smaller limit bounds it.
            Inflated result = inflate(zipFile, entry, isManifest ? Long.MAX_VALUE : limits.maxTotalSize() - total, kept);
            total += result.bytes();
            switch (result.stop()) {
                case COMPLETE -> {
                    if (isManifest) {
                        manifest = kept.toByteArray();
                    }
                }
                case DAMAGED -> { }
                case MANIFEST_LIMIT -> manifestTooLarge();
                case BOMB -> findings.error("zip-bomb", Location.entry(entry.getName()), "The entry inflated to more"
                        + " than " + result.bytes() + " bytes from " + entry.getCompressedSize() + " compressed bytes"
                        + " (above " + limits.maxCompressionRatio() + ":1) although it declares " + entry.getSize()
                        + ": a zip bomb. Reading stopped there. Do not extract this zip.");
                case TOTAL_LIMIT -> {
                    findings.error("too-large", Location.entry(entry.getName()), "Inflating this entry took the"
                            + " zip past " + limits.maxTotalSize() + " bytes in total, although the zip declares less:"
                            + " its sizes lie. Reading stopped; later entries were not checked.");
                    inflateAll = false;
                }
            }
        }
        if (!archives.isEmpty()) {
            findings.info("nested-archive", Location.entry(archives.get(0)), archives.size() + " archive(s) inside"
                    + " the package were not opened (first: " + archives.get(0) + "). Moodle serves them as plain"
                    + " files; it never extracts them.");
        }
        return new ZipScan(true, List.copyOf(files), rootManifest, manifest);
    }

    /** Refuses to inflate anything when the declared total is already over the limit. */
    private boolean checkDeclaredTotal(ZipFile zipFile) {
        long declared = 0;
        for (ZipEntry entry : Collections.list(zipFile.entries())) {
            declared += Math.max(0, entry.getSize());
            if (declared > limits.maxTotalSize()) {
                findings.error("too-large", Location.ZIP, "The zip declares more than " + limits.maxTotalSize()
                        + " bytes once uncompressed. Its contents were not inflated. Make the package smaller, or raise"
                        + " --max-total-size if it is genuine (Moodle's upload limit still applies).");
                return false;
            }
        }
        return true;
    }

    private boolean declaresBomb(ZipEntry entry) {
        long size = entry.getSize();
        long compressed = Math.max(1, entry.getCompressedSize());
        if (size > limits.ratioCheckFromSize() && size / compressed > limits.maxCompressionRatio()) {
            findings.error("zip-bomb", Location.entry(entry.getName()), "The entry declares " + size + " bytes"
                    + " compressed into " + entry.getCompressedSize() + " (" + size / compressed + ":1, above "
                    + limits.maxCompressionRatio() + ":1): a zip bomb. It was not inflated. Do not extract this zip.");
            return true;
        }
        return false;
    }

    private void manifestTooLarge() {
        findings.error("manifest-too-large", Location.entry(ZipScan.MANIFEST), "imsmanifest.xml is larger than "
                + limits.maxManifestSize() + " bytes; real manifests are a few kilobytes. It was not parsed.");
    }

    private enum Stop { COMPLETE, DAMAGED, BOMB, TOTAL_LIMIT, MANIFEST_LIMIT }

    private record Inflated(long bytes, Stop stop) {
    }

    /** Inflates one entry, counting bytes and checking its CRC; stops as soon as a limit is crossed. */
    private Inflated inflate(ZipFile zipFile, ZipEntry entry, long budget, ByteArrayOutputStream kept) {
        CRC32 crc = new CRC32();
        long count = 0;
        long compressed = Math.max(1, entry.getCompressedSize());
        try (InputStream in = zipFile.getInputStream(entry)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                count += read;
                if (count > budget) {
                    return new Inflated(count, Stop.TOTAL_LIMIT);
                }
                if (count > limits.ratioCheckFromSize() && count / compressed > limits.maxCompressionRatio()) {
                    return new Inflated(count, Stop.BOMB);
                }
                if (kept != null) {
                    if (count > limits.maxManifestSize()) {
                        return new Inflated(count, Stop.MANIFEST_LIMIT);
                    }
                    kept.write(buffer, 0, read);
                }
                crc.update(buffer, 0, read);
            }
        } catch (IOException e) {
            findings.error("corrupt-entry", Location.entry(entry.getName()), "The entry is damaged and cannot be"
                    + " inflated (" + e.getMessage() + "). Create the zip again.");
            return new Inflated(count, Stop.DAMAGED);
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            findings.error("corrupt-entry", Location.entry(entry.getName()), "The entry is damaged: its checksum"
                    + " does not match its data (CRC " + Long.toHexString(crc.getValue()) + ", expected "
                    + Long.toHexString(entry.getCrc()) + "). Create the zip again.");
            return new Inflated(count, Stop.DAMAGED);
        }
        if (entry.getSize() != -1 && count != entry.getSize()) {
            findings.error("entry-size-mismatch", Location.entry(entry.getName()), "The entry declares " + entry.getSize()
                    + " bytes but inflates to " + count + ". Tools that trust the header truncate or refuse it."
                    + " Create the zip again with a standard tool.");
            // The checksum matched the bytes read, so they are what the author meant: keep checking them.
        }
        return new Inflated(count, Stop.COMPLETE);
    }
}
