package org.pelita.lrs.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What Pelita's reports need of one statement (table learning_event; docs/reports.md).
 *
 * @param learnerKey  the key of the actor's identifier (Keys.of), to count and pair learners without naming them
 * @param verb        the last segment of an ADL verb IRI: launched, initialized, experienced, answered, completed, passed,
 *                    failed or terminated
 * @param objectKind  module, lesson, page, quiz, question or unit (a cmi5 AU)
 * @param parentId    the lesson of a page, the quiz of a question
 * @param durationMs  result.duration, in milliseconds
 */
public record LearningEvent(OffsetDateTime eventTime, UUID learnerKey, String verb, String moduleId, String moduleVersion,
                            String language, UUID registration, String organisation, String country, String objectKind,
                            String objectId, String parentId, String quizKind, Boolean success, Double scoreScaled,
                            String response, Long durationMs) {
}
