package org.waystation.events;

/**
 * An event in the life of one department's case; all of them travel on
 * {@link Topics#CASE_EVENTS}. Each carries the case's status after it, so a consumer need
 * not know every type to follow it.
 */
public sealed interface CaseEvent extends Event
		permits CaseOpened, CaseAssigned, CaseSigned, CaseStarted, CaseReplied, CaseInfoRequested, CaseInfoProvided,
		CaseExtensionRequested, CaseExtended, CaseExtensionRejected, CaseReturned, CaseReturnRejected, CaseRedispatched,
		CaseResolved, CaseRated, CaseReopened, CaseClosed, CaseEscalated, CaseMerged, SlaWarning, SlaBreached {

	String caseId();

	String trackingCode();

	/** Code of the department that handles the case, from the taxonomy. */
	String department();

	/** The case's status once this event has happened. */
	String status();

}
