package org.waystation.intake.appeal;

import java.time.Instant;

/**
 * A department's question to the worker.
 *
 * @param answered the worker has answered; the answer is on its way to the department
 */
public record PendingQuestion(String caseId, String question, Instant askedAt, boolean answered) {

}
