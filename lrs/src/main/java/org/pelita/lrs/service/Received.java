package org.pelita.lrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.pelita.lrs.store.NewAttachment;

/**
 * Statements as a request brought them: the JSON (one statement or an array), the attachment parts, and whether
 * the body was multipart/mixed (an application/json body may only carry attachments given by fileUrl).
 */
public record Received(JsonNode json, List<NewAttachment> attachments, boolean multipart) {
    public Received {
        attachments = List.copyOf(attachments);
    }
}
