package org.waystation.events;

/**
 * Something the worker did about their appeal (answered a question, rated the outcome);
 * all of them travel on {@link Topics#APPEAL_FEEDBACK} to the department handling the
 * case.
 */
public sealed interface FeedbackEvent extends Event permits WorkerAnswered, WorkerRated {

	String caseId();

	String trackingCode();

}
