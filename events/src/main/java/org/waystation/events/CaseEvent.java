package org.waystation.events;

/**
 * An event in the life of one department's case; all of them travel on
 * {@link Topics#CASE_EVENTS}.
 */
public sealed interface CaseEvent extends Event permits CaseOpened, CaseSigned, CaseResolved {

	String caseId();

	String trackingCode();

	/** Code of the department that handles the case (taxonomy.md). */
	String department();

}
