package org.pelita.lrs.packages;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pelita.lrs.xapi.InvalidRequestException;

/**
 * A module version as the packager writes it in module.yaml: one to three numbers and an optional pre-release
 * ({@code 1.2.0}, {@code 2.0.0-rc.1}). Ordered by Semantic Versioning 2.0.0 §11 precedence, so that 1.10.0 comes
 * after 1.9.0 and 2.0.0-rc.1 before 2.0.0; missing numbers count as 0.
 */
public record ReleaseVersion(String text, int[] numbers, String preRelease) implements Comparable<ReleaseVersion> {
    /** The packager's version syntax (ModuleLoader.VERSION), with numbers small enough to compare. */
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?");
    /**
     * Any two version texts in release order: versions by their precedence, text that is not a version (a statement's
     * module-version extension can hold anything) after them, in numeric-aware order (v9 before v10).
     */
    public static final Comparator<String> ORDER = (a, b) -> {
        Optional<ReleaseVersion> x = tryParse(a);
        Optional<ReleaseVersion> y = tryParse(b);
        if (x.isPresent() && y.isPresent()) {
            int c = x.get().compareTo(y.get());
            return c != 0 ? c : a.compareTo(b);
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return naturalOrder(a, b);
    };
    /** The path segment that means "the highest version published". */
    public static final String LATEST = "latest";

    public static ReleaseVersion parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches() || text.length() > 64) {
            throw new InvalidRequestException("'" + text + "' is not a module version (one to three numbers and an optional "
                    + "pre-release, as in module.yaml: 1.0.0, 1.1, 2.0.0-rc.1)");
        }
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
        }
        return new ReleaseVersion(text, numbers, m.group(4) == null ? "" : m.group(4));
    }

    public static Optional<ReleaseVersion> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    /** Runs of digits compared as numbers, the rest as text. */
    private static int naturalOrder(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = !x[i].isEmpty() && !y[i].isEmpty() && Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0));
            int c = numbers ? new BigInteger(x[i]).compareTo(new BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return x.length != y.length ? Integer.compare(x.length, y.length) : a.compareTo(b);
    }

    /** A pre-release is never `latest`: partners who update automatically get released versions only. */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(numbers[i], other.numbers[i]);
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        return comparePreRelease(preRelease, other.preRelease);
    }

    /** §11.4: dot-separated identifiers, numeric ones numerically and below alphanumeric ones, a longer list above its prefix. */
    private static int comparePreRelease(String a, String b) {
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d+");
            boolean yn = y[i].matches("\\d+");
            int c;
            if (xn && yn) {
                c = Comparator.<String>comparingInt(String::length).thenComparing(Comparator.naturalOrder()).compare(x[i], y[i]);
            } else if (xn != yn) {
                c = xn ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseVersion v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
