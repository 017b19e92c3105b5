package org.pelita.packager.model;

/** Where a quiz sits in a module and what its score means. */
public enum QuizKind {
    /** Taken before the lessons; its score measures prior knowledge and never grades. */
    PRE_TEST("pre-test"),
    /** A practice check inside a lesson, with immediate feedback and no score. */
    CHECK("check"),
    /** Taken after the lessons; its score is the module's score. */
    POST_TEST("post-test");

    private final String keyword;

    QuizKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static QuizKind fromKeyword(String keyword) {
        for (QuizKind kind : values()) {
            if (kind.keyword.equals(keyword)) {
                return kind;
            }
        }
        return null;
    }
}
