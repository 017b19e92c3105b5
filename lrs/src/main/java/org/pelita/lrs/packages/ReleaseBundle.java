package org.pelita.lrs.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pelita.lrs.store.NewPackageFile;
import org.pelita.lrs.store.StoredPackage;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.attachment.Sha2;

/**
 * A release as uploaded for publishing: one zip holding the release's folder as the packager's {@code release} wrote
 * it ({@code release.json}, {@code RELEASE-NOTES.md} and every package release.json lists, at the paths it gives).
 * Reading it checks that the upload is exactly that release: each listed package present with the size and SHA-256
 * release.json gives, nothing else, and the module and version those of the URL. Every problem is a 400 that names
 * the field (as a JSON path into release.json) or the file. The packages are hashed as they are read, never held in
 * memory whole: the bundle stays open so that the store can read each one again as it writes it, in chunks.
 */
public final class ReleaseBundle implements AutoCloseable {
    public static final String MANIFEST = "release.json";
    public static final String NOTES = "RELEASE-NOTES.md";
    /** The language segment of a package that holds every language of the release (the web site). */
    public static final String ALL_LANGUAGES = "all";
    private static final Pattern TARGET = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private final ZipFile zip;
    private final String manifest;
    private final Optional<String> notes;
    private final List<NewPackageFile> packages;

    private ReleaseBundle(ZipFile zip, String manifest, Optional<String> notes, List<NewPackageFile> packages) {
        this.zip = zip;
        this.manifest = manifest;
        this.notes = notes;
        this.packages = List.copyOf(packages);
    }

    /** release.json as uploaded. */
    public String manifest() {
        return manifest;
    }

    public Optional<String> notes() {
        return notes;
    }

    /** The packages, each read again from the upload when stored. */
    public List<NewPackageFile> packages() {
        return packages;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // A read-only file: nothing to lose.
        }
    }

    /** Reads and checks an upload; the caller closes the bundle once its packages are stored. */
    public static ReleaseBundle read(Path upload, String module, ReleaseVersion version) {
        ZipFile zip;
        try {
            zip = new ZipFile(upload.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new InvalidRequestException("the body is not a zip file (" + e.getMessage() + "): upload the release's folder as one zip");
        } catch (IOException e) {
            throw new InvalidRequestException("the upload could not be read as a zip file: " + e.getMessage());
        }
        try {
            return check(zip, module, version);
        } catch (RuntimeException e) {
            try {
                zip.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static ReleaseBundle check(ZipFile zip, String module, ReleaseVersion version) {
        Map<String, ZipEntry> entries = entries(zip);
        ZipEntry manifestEntry = entries.remove(MANIFEST);
        if (manifestEntry == null) {
            throw new InvalidRequestException("the upload has no " + MANIFEST + " at its root: upload the release's folder "
                    + "(dist/" + module + "/" + version + "/) as one zip, as `publish` does");
        }
        String manifest = text(zip, manifestEntry);
        Optional<String> notes = Optional.ofNullable(entries.remove(NOTES)).map(e -> text(zip, e));
        JsonNode root = parse(manifest);
        expect(root, "module", module);
        expect(root, "version", version.text());
        JsonNode artifacts = root.path("artifacts");
        if (!artifacts.isArray() || artifacts.isEmpty()) {
            throw new InvalidRequestException(MANIFEST + ": $.artifacts must be a non-empty array of the release's packages");
        }
        List<NewPackageFile> packages = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < artifacts.size(); i++) {
            String at = MANIFEST + ": $.artifacts[" + i + "]";
            JsonNode artifact = artifacts.get(i);
            String target = string(artifact, "target", at, TARGET, "a target name such as scorm12");
            String file = string(artifact, "file", at, FILE, "a path inside the release such as scorm12/m-1.0.0-scorm12-en.zip");
            String sha256 = string(artifact, "sha256", at, SHA256, "64 lower-case hex digits");
            JsonNode size = artifact.path("size");
            if (!size.canConvertToLong() || size.asLong() < 0) {
                throw new InvalidRequestException(at + ".size must be the package's size in bytes");
            }
            String language = language(artifact.path("languages"), at);
            String key = target + "/" + language;
            if (seen.containsKey(key)) {
                throw new InvalidRequestException(at + " is a second " + target + " package in " + language + " (the other is "
                        + seen.get(key) + "): a release has one package per target and language");
            }
            seen.put(key, file);
            ZipEntry entry = entries.remove(file);
            if (entry == null) {
                throw new InvalidRequestException(at + ".file names " + file + ", which the upload does not hold");
            }
            Digest digest = digest(zip, entry);
            if (digest.size() != size.asLong() || !digest.sha256().equals(sha256)) {
                throw new InvalidRequestException(at + ": " + file + " in the upload has " + digest.size() + " bytes and SHA-256 "
                        + digest.sha256() + ", not the " + size.asLong() + " bytes and " + sha256 + " release.json gives");
            }
            String name = file.substring(file.lastIndexOf('/') + 1);
            packages.add(new NewPackageFile(new StoredPackage(module, version.text(), target, language, name, digest.size(), sha256),
                    () -> zip.getInputStream(entry)));
        }
        if (!entries.isEmpty()) {
            throw new InvalidRequestException("the upload holds " + String.join(", ", entries.keySet()) + ", which " + MANIFEST
                    + " does not list: upload exactly the release's folder");
        }
        return new ReleaseBundle(zip, manifest, notes, packages);
    }

    private record Digest(long size, String sha256) {
    }

    /** The entry's size and SHA-256, read through once. */
    private static Digest digest(ZipFile zip, ZipEntry entry) {
        MessageDigest sha256 = Sha2.sha256();
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new InvalidRequestException("the upload's " + entry.getName() + " cannot be read: " + e.getMessage());
        }
        return new Digest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The files of the zip by name; folders left out. Names that could escape a folder are refused. */
    private static Map<String, ZipEntry> entries(ZipFile zip) {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
                throw new InvalidRequestException("the upload holds a file named " + name + ", outside the release's folder");
            }
            if (entries.put(name, entry) != null) {
                throw new InvalidRequestException("the upload holds " + name + " twice");
            }
        }
        return entries;
    }

    private static JsonNode parse(String manifest) {
        try {
            JsonNode root = Json.MAPPER.readTree(manifest);
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException(MANIFEST + " must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidRequestException(MANIFEST + " is not valid JSON: " + e.getMessage());
        }
    }

    private static void expect(JsonNode root, String field, String wanted) {
        JsonNode value = root.path(field);
        if (!value.isTextual() || !value.asText().equals(wanted)) {
            throw new InvalidRequestException(MANIFEST + ": $." + field + " is " + value + ", but the upload's URL names " + field + " "
                    + wanted + ": publish each release at its own module and version");
        }
    }

    private static String string(JsonNode artifact, String field, String at, Pattern syntax, String what) {
        JsonNode value = artifact.path(field);
        if (!value.isTextual() || !syntax.matcher(value.asText()).matches()) {
            throw new InvalidRequestException(at + "." + field + " must be " + what + ", not " + value);
        }
        return value.asText();
    }

    private static String language(JsonNode languages, String at) {
        if (!languages.isArray() || languages.isEmpty()) {
            throw new InvalidRequestException(at + ".languages must be a non-empty array of language tags");
        }
        for (int i = 0; i < languages.size(); i++) {
            if (!languages.get(i).isTextual() || !LANGUAGE.matcher(languages.get(i).asText()).matches()) {
                throw new InvalidRequestException(at + ".languages[" + i + "] must be a language tag such as en or pt-BR, not "
                        + languages.get(i));
            }
        }
        return languages.size() == 1 ? languages.get(0).asText() : ALL_LANGUAGES;
    }

    private static String text(ZipFile zip, ZipEntry entry) {
        return new String(bytes(zip, entry), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidRequestException("the upload's " + entry.getName() + " cannot be read: " + e.getMessage());
        }
    }
}
