package org.pelita.lrs.xapi.validation;

import org.pelita.lrs.xapi.XapiVersion;

/**
 * Every rule a statement can break, in plain words, with the section that states it in each version: xAPI 1.0.3
 * ("Data" is Part Two of that specification) and xAPI 2.0 (IEEE 9274.1.1, the document for LRSs). A rule with no
 * 2.0 section exists only in 1.0.3, and the other way round.
 */
enum Rule {
    // Formatting (all objects)
    NULL_VALUE("null is not allowed as a value, except inside extensions", "Data §2.2", "§4.2.1"),
    WRONG_TYPE("the value has the wrong data type", "Data §2.2", "§4.2.1"),
    UNKNOWN_PROPERTY("this property is not defined for this object (property names are case-sensitive)",
            "Data §2.2", "§4.2.1"),

    // Statement
    STATEMENT_REQUIRED("a Statement must have an actor, a verb and an object", "Data §2.2, §2.4", "§4.2.2"),
    UUID("a UUID must be in standard string form: 32 hexadecimal digits grouped 8-4-4-4-12 by hyphens",
            "Data §2.4.1, §4.4", "§4.2.7"),
    TIMESTAMP("a Timestamp must be an ISO 8601 date and time, such as 2024-05-04T17:00:00.000Z",
            "Data §4.5", "§4.2.7"),
    VERSION_1("a Statement version must be 1.0 or 1.0.x", "Data §2.4.10", null),
    VERSION_2("a Statement version must be 1.0, 1.0.x, 2.0 or 2.0.x", null, "§4.2.2, §4.2.4.3"),
    AUTHORITY("authority must be an Agent, or an anonymous Group of exactly two Agents (3-legged OAuth)",
            "Data §2.4.9", "§4.2.2"),

    // Actor, Agent, Group
    ACTOR_OBJECT_TYPE("an Actor's objectType must be \"Agent\" or \"Group\", matching case exactly",
            "Data §2.4.2", "§4.2.2.1"),
    AGENT_EXPECTED("an Agent is required here; its objectType, if present, must be \"Agent\"",
            "Data §2.4.2.1", "§4.2.2.1"),
    GROUP_EXPECTED("a Group is required here, with objectType \"Group\"", "Data §2.4.2.2, §2.4.6", "§4.2.2.5"),
    AGENT_IFI("an Agent must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid, account)",
            "Data §2.4.2.1", "§4.2.2.1, §4.2.4.2"),
    GROUP_IFI("an identified Group must have exactly one inverse functional identifier "
            + "(mbox, mbox_sha1sum, openid, account)", "Data §2.4.2.2", "§4.2.2.1, §4.2.4.2"),
    ANONYMOUS_GROUP_MEMBERS("an anonymous Group (one with no inverse functional identifier) must list its Agents "
            + "in \"member\"", "Data §2.4.2.2", "§4.2.2.1"),
    GROUP_MEMBER_IS_GROUP("the members of a Group must be Agents, not Groups", "Data §2.4.2.2", "§4.2.4.2"),
    MBOX("an mbox must be a mailto IRI of the form \"mailto:name@domain\"", "Data §2.4.2.3", "§4.2.2.1"),
    MBOX_SHA1SUM("an mbox_sha1sum must be the hex-encoded SHA-1 hash of a mailto IRI (40 hexadecimal digits)",
            "Data §2.4.2.3", "§4.2.2.1"),
    OPENID("an openid must be a URI", "Data §2.4.2.3", "§4.2.2.1"),
    ACCOUNT_HOME_PAGE("an account must have a homePage that is an IRL", "Data §2.4.2.4", "§4.2.2.1"),
    ACCOUNT_NAME("an account must have a name, a String", "Data §2.4.2.4", "§4.2.2.1"),

    // Verb
    VERB_ID("a Verb must have an id that is an IRI", "Data §2.4.3", "§4.2.2.2"),
    VOIDING("a voiding Statement (verb http://adlnet.gov/expapi/verbs/voided) must have a StatementRef as its "
            + "object", "Data §2.3.2", "§4.2.5"),

    // Object
    OBJECT_TYPE("an object's objectType must be \"Activity\", \"Agent\", \"Group\", \"SubStatement\" or "
            + "\"StatementRef\", matching case exactly", "Data §2.4.4", "§4.2.2.3"),
    OBJECT_AGENT_WITHOUT_TYPE("an Agent or Group used as the object of a Statement must have an objectType; "
            + "without one the object is taken as an Activity", "Data §2.4.4.2", "§4.2.2.3"),
    ACTIVITY_ID("an Activity must have an id that is an IRI", "Data §2.4.4.1", "§4.2.2.3"),
    ACTIVITY_TYPE("an Activity Definition's type must be an IRI", "Data §2.4.4.1", "§4.2.2.3"),
    ACTIVITY_MORE_INFO("an Activity Definition's moreInfo must be an IRL", "Data §2.4.4.1", "§4.2.2.3"),
    INTERACTION_TYPE("interactionType must be one of true-false, choice, fill-in, long-fill-in, matching, "
            + "performance, sequencing, likert, numeric, other, matching case exactly",
            "Data §2.4.4.1", "§4.2.2.3, §4.2.4.2"),
    INTERACTION_TYPE_REQUIRED("an Activity Definition using correctResponsesPattern, choices, scale, source, "
            + "target or steps is an Interaction Activity and must have an interactionType",
            "Data §2.4.4.1", "§4.2.2.3, §4.2.4.2"),
    INTERACTION_COMPONENT_ID("an interaction component must have an id, a String", "Data §2.4.4.1", "§4.2.2.3"),
    INTERACTION_COMPONENT_DISTINCT("the ids within one interaction component list must be distinct",
            "Data §2.4.4.1", null),
    STATEMENT_REF("a StatementRef must have an id that is the UUID of a Statement", "Data §2.4.4.3", "§4.2.2.3"),
    SUB_STATEMENT_PROPERTY("a SubStatement must not have id, stored, version or authority",
            "Data §2.4.4.3", "§4.2.2.3"),
    SUB_STATEMENT_NESTED("a SubStatement must not contain another SubStatement", "Data §2.4.4.3", "§4.2.4.2"),

    // Result
    SCORE_SCALED("score.scaled must be a decimal number between -1 and 1 inclusive", "Data §2.4.5.1", "§4.2.2.4"),
    SCORE_RAW("score.raw must lie between score.min and score.max inclusive", "Data §2.4.5.1", "§4.2.2.4"),
    SCORE_MIN_MAX("score.min must not be greater than score.max", "Data §2.4.5.1", "§4.2.2.4"),
    DURATION("a Duration must use the ISO 8601 duration format PnYnMnDTnHnMnS or PnW, such as PT1H30M or P4W",
            "Data §4.6", "§4.2.7"),

    // Context
    CONTEXT_ACTIVITIES_KEY("the keys of contextActivities must be parent, grouping, category or other",
            "Data §2.4.6.2", "§4.2.2.5"),
    CONTEXT_ACTIVITY("each value of contextActivities must be an Activity or an array of Activities",
            "Data §2.4.6.2", "§4.2.2.5"),
    REVISION_NEEDS_ACTIVITY("context.revision may only be used when the Statement's object is an Activity",
            "Data §2.4.6", "§4.2.2.5"),
    PLATFORM_NEEDS_ACTIVITY("context.platform may only be used when the Statement's object is an Activity",
            "Data §2.4.6", "§4.2.2.5"),
    CONTEXT_LANGUAGE("context.language must be an RFC 5646 language tag", "Data §2.4.6", "§4.2.2.5"),
    CONTEXT_STATEMENT("context.statement must be a StatementRef", "Data §2.4.6", "§4.2.2.5"),
    CONTEXT_AGENT("a contextAgent must have objectType \"contextAgent\" and an agent that is an Agent",
            null, "§4.2.2.5"),
    CONTEXT_GROUP("a contextGroup must have objectType \"contextGroup\" and a group that is a Group",
            null, "§4.2.2.5"),
    RELEVANT_TYPES("relevantTypes must be an array of one or more IRIs", null, "§4.2.2.5"),

    // Attachments
    ATTACHMENT_REQUIRED("an Attachment must have usageType, display, contentType, length and sha2",
            "Data §2.4.11", "§4.2.2.6"),
    ATTACHMENT_USAGE_TYPE("an Attachment's usageType must be an IRI", "Data §2.4.11", "§4.2.2.6"),
    ATTACHMENT_CONTENT_TYPE("an Attachment's contentType must be an Internet Media Type such as text/plain",
            "Data §2.4.11", "§4.2.2.6"),
    ATTACHMENT_LENGTH("an Attachment's length must be an integer number of octets, not negative",
            "Data §2.4.11", "§4.2.2.6"),
    ATTACHMENT_SHA2("an Attachment's sha2 must be the hex-encoded SHA-2 hash of its data "
            + "(56, 64, 96 or 128 hexadecimal digits)", "Data §2.4.11", "§4.2.2.6"),
    ATTACHMENT_FILE_URL("an Attachment's fileUrl must be an IRL", "Data §2.4.11", "§4.2.2.6"),

    // Data types
    IRI("the value must be an IRI with a scheme, such as http://example.com/a", "Data §2.2, §4.3", "§4.2.7"),
    EXTENSION_KEY("the keys of an extensions map must be IRIs", "Data §4.1", "§4.2.7"),
    LANGUAGE_MAP_KEY("the keys of a Language Map must be RFC 5646 language tags", "Data §2.2, §4.2", "§4.2.7"),
    LANGUAGE_MAP_VALUE("the values of a Language Map must be Strings", "Data §4.2", "§4.2.7");

    private final String text;
    private final String v1;
    private final String v2;

    Rule(String text, String v1, String v2) {
        this.text = text;
        this.v1 = v1;
        this.v2 = v2;
    }

    String text() {
        return text;
    }

    /** The message for a breach: the rule, what was found (if given), then the section for the version. */
    String message(XapiVersion version, String detail) {
        StringBuilder out = new StringBuilder(text.length() + 64).append(text);
        if (detail != null) {
            out.append("; ").append(detail);
        }
        return out.append(" (").append(citation(version)).append(')').toString();
    }

    /** The section for one version, or both when the caller is version-neutral (a null version). */
    String citation(XapiVersion version) {
        if (version == null) {
            if (v1 == null) {
                return v2Citation();
            }
            return v2 == null ? v1Citation() : v1Citation() + "; " + v2Citation();
        }
        if (version.atLeast2()) {
            return v2 != null ? v2Citation() : v1Citation();
        }
        return v1 != null ? v1Citation() : v2Citation();
    }

    private String v1Citation() {
        return "xAPI 1.0.3 " + v1;
    }

    private String v2Citation() {
        return "xAPI 2.0 (IEEE 9274.1.1) " + v2;
    }
}
