package org.pelita.lrs.xapi.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Cross-checks the attachment objects of statements against the attachment parts of the request. The same rules hold
 * in 1.0.3 and 2.0.0.
 *
 * <p>This runs after the statements have been validated: an attachment that is not an object or lacks a string
 * "sha2" is the validator's to refuse, and is passed over here. Signatures are checked separately by
 * {@link SignatureRules#verify}.
 */
public final class AttachmentRules {
    private AttachmentRules() {
    }

    /**
     * Cross-checks statements (object or array) against the parts:
     * <ul>
     *   <li>every attachment without fileUrl must have a part whose X-Experience-API-Hash equals its sha2, compared
     *       without regard to case (Communication §1.5.2.s3.b5; XAPI-00129); a part may serve several attachments
     *       with the same sha2, in one statement or several (§1.5.2.s2.b2.b5);</li>
     *   <li>every part must be the data of some attachment of these statements, with or without fileUrl
     *       (XAPI-00128: "excess multi-part sections that are not attachments"; the suite's XAPI-00161 set-up sends a
     *       part for an attachment that also has a fileUrl and expects 200);</li>
     *   <li>a request that is not multipart ({@code parts == null}) may carry only attachments with fileUrl
     *       (Communication §1.5.1.s1.b2, §1.5.2.s2.b1).</li>
     * </ul>
     * The attachments of a SubStatement count like those of its statement (Data §2.4.11 recommends putting them on
     * the statement, but does not forbid them on the SubStatement).
     *
     * @param statements the statement object or the array of statements of the request
     * @param parts the attachment parts of a multipart/mixed request, or {@code null} for an application/json request
     * @param version the version of the request (the rules are the same in both)
     */
    public static void check(JsonNode statements, List<AttachmentPart> parts, XapiVersion version) {
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(version, "version");
        boolean multipart = parts != null;
        List<AttachmentPart> given = multipart ? parts : List.of();

        Set<String> supplied = new HashSet<>();
        for (AttachmentPart part : given) {
            supplied.add(part.sha2());
        }
        Set<String> declared = new HashSet<>();

        if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                checkStatement(statements.get(i), "$[" + i + "]", supplied, declared, multipart);
            }
        } else if (statements.isObject()) {
            checkStatement(statements, "$", supplied, declared, multipart);
        } else {
            throw new InvalidRequestException("$", "expected a statement object or an array of statements");
        }

        for (int k = 0; k < given.size(); k++) {
            AttachmentPart part = given.get(k);
            if (!declared.contains(part.sha2())) {
                // Part numbers count the statement part as part 1, as the reader's messages do.
                throw new InvalidRequestException("part " + (k + 2) + " of the multipart body (X-Experience-API-Hash "
                        + part.sha2() + ") is not the data of any attachment of the statements; every part after the"
                        + " first must be the data of an attachment whose sha2 is its hash");
            }
        }
    }

    private static void checkStatement(JsonNode statement, String path, Set<String> supplied, Set<String> declared,
            boolean multipart) {
        if (statement == null || !statement.isObject()) {
            return;
        }
        checkAttachments(statement.get("attachments"), path + ".attachments", supplied, declared, multipart);
        JsonNode object = statement.get("object");
        if (object != null && object.isObject() && "SubStatement".equals(object.path("objectType").asText())) {
            checkAttachments(object.get("attachments"), path + ".object.attachments", supplied, declared, multipart);
        }
    }

    private static void checkAttachments(JsonNode attachments, String path, Set<String> supplied, Set<String> declared,
            boolean multipart) {
        if (attachments == null || !attachments.isArray()) {
            return;
        }
        for (int j = 0; j < attachments.size(); j++) {
            JsonNode attachment = attachments.get(j);
            JsonNode sha2Node = attachment.get("sha2");
            if (!attachment.isObject() || sha2Node == null || !sha2Node.isTextual()) {
                continue;
            }
            String sha2 = sha2Node.asText().toLowerCase(Locale.ROOT);
            declared.add(sha2);
            if (attachment.hasNonNull("fileUrl") || supplied.contains(sha2)) {
                continue;
            }
            String at = path + "[" + j + "]";
            if (!multipart) {
                throw new InvalidRequestException(at, "the attachment has no fileUrl, so its data must be sent in a"
                        + " multipart/mixed request, in a part with X-Experience-API-Hash " + sha2Node.asText());
            }
            throw new InvalidRequestException(at, "the attachment has no fileUrl and no part of the request has"
                    + " X-Experience-API-Hash " + sha2Node.asText()
                    + "; send its data in such a part or give a fileUrl");
        }
    }
}
