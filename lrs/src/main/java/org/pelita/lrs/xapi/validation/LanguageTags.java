package org.pelita.lrs.xapi.validation;

import java.util.Locale;
import java.util.Set;

/**
 * RFC 5646 language tags, checked for syntax (the "sequence of token lengths" both versions require) plus the two
 * validity rules that need no registry: no repeated variant and no repeated extension singleton (the suite sends
 * {@code zh-z-aaa-z-bbb-c-ccc} and expects a rejection). Subtags are not looked up in the IANA registry.
 *
 * <pre>
 * langtag   = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
 * language  = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA ; extlang = 3ALPHA *2("-" 3ALPHA)
 * script    = 4ALPHA ; region = 2ALPHA / 3DIGIT ; variant = 5*8alphanum / (DIGIT 3alphanum)
 * extension = singleton 1*("-" 2*8alphanum) ; privateuse = "x" 1*("-" 1*8alphanum)
 * </pre>
 */
final class LanguageTags {
    /** Grandfathered tags that do not fit the langtag syntax (RFC 5646 §2.1, "irregular"). */
    private static final Set<String> IRREGULAR = Set.of(
            "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
            "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de");

    private static final int LANGUAGE = 0;
    private static final int EXTLANG = 1;
    private static final int SCRIPT = 2;
    private static final int REGION = 3;
    private static final int VARIANT = 4;
    private static final int EXTENSION = 5;

    private LanguageTags() {
    }

    static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        return isLangtagOrPrivateUse(tag) || IRREGULAR.contains(tag.toLowerCase(Locale.ROOT));
    }

    private static boolean isLangtagOrPrivateUse(String tag) {
        int n = tag.length();
        int state = LANGUAGE;
        int extlangs = 0;
        int[] variantStarts = null;  // where each variant so far begins, to catch a repeated one
        int variantCount = 0;
        long singletonsSeen = 0;    // one bit per singleton character 0-9, a-z
        boolean extensionNeedsSubtag = false;
        int start = 0;
        boolean first = true;
        while (start <= n) {
            int end = tag.indexOf('-', start);
            if (end < 0) {
                end = n;
            }
            int len = end - start;
            if (len == 0 || len > 8) {
                return false;
            }
            if (first) {
                first = false;
                if (len == 1 && (tag.charAt(start) | 0x20) == 'x') {
                    return isPrivateUseTail(tag, end);
                }
                if (!allLetters(tag, start, end) || len == 1) {
                    return false;
                }
                // 2-3 letters may take extlangs; 4 and 5-8 letters are complete languages.
                state = len <= 3 ? EXTLANG : SCRIPT;
            } else if (len == 1) {
                char c = Character.toLowerCase(tag.charAt(start));
                if (extensionNeedsSubtag) {
                    return false;
                }
                if (c == 'x') {
                    return isPrivateUseTail(tag, end);
                }
                long bit = singletonBit(c);
                if (bit < 0 || (singletonsSeen & bit) != 0) {
                    return false;
                }
                singletonsSeen |= bit;
                state = EXTENSION;
                extensionNeedsSubtag = true;
            } else if (state == EXTENSION) {
                if (!allAlphanumeric(tag, start, end)) {
                    return false;
                }
                extensionNeedsSubtag = false;
            } else if (state == EXTLANG && len == 3 && allLetters(tag, start, end) && extlangs < 3) {
                extlangs++;
            } else if (state <= SCRIPT && len == 4 && allLetters(tag, start, end)) {
                state = REGION;
            } else if (state <= REGION && (len == 2 && allLetters(tag, start, end)
                    || len == 3 && allDigits(tag, start, end))) {
                state = VARIANT;
            } else if (isVariant(tag, start, end)) {
                if (variantStarts == null) {
                    variantStarts = new int[8];
                } else if (variantCount == variantStarts.length) {
                    variantStarts = java.util.Arrays.copyOf(variantStarts, variantCount * 2);
                }
                for (int i = 0; i < variantCount; i++) {
                    int other = variantStarts[i];
                    int otherEnd = tag.indexOf('-', other);
                    if (otherEnd - other == len && tag.regionMatches(true, other, tag, start, len)) {
                        return false;
                    }
                }
                variantStarts[variantCount++] = start;
                state = VARIANT;
            } else {
                return false;
            }
            start = end + 1;
            if (end == n) {
                break;
            }
        }
        return !extensionNeedsSubtag;
    }

    /** After an "x" singleton: one or more subtags of 1 to 8 letters or digits, to the end of the tag. */
    private static boolean isPrivateUseTail(String tag, int afterX) {
        int n = tag.length();
        if (afterX >= n) {
            return false;
        }
        int start = afterX + 1;
        while (true) {
            int end = tag.indexOf('-', start);
            if (end < 0) {
                end = n;
            }
            int len = end - start;
            if (len == 0 || len > 8 || !allAlphanumeric(tag, start, end)) {
                return false;
            }
            if (end == n) {
                return true;
            }
            start = end + 1;
        }
    }

    private static boolean isVariant(String tag, int start, int end) {
        int len = end - start;
        if (!allAlphanumeric(tag, start, end)) {
            return false;
        }
        return len >= 5 || len == 4 && Character.isDigit(tag.charAt(start));
    }

    private static long singletonBit(char lower) {
        if (lower >= '0' && lower <= '9') {
            return 1L << (lower - '0');
        }
        if (lower >= 'a' && lower <= 'z') {
            return 1L << (10 + lower - 'a');
        }
        return -1;
    }

    private static boolean allLetters(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allAlphanumeric(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
