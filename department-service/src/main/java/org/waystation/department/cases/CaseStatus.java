package org.waystation.department.cases;

/** Where a case stands in its department's queue. */
public enum CaseStatus {

	/** In the queue, waiting to be signed for (待签收). */
	OPEN,
	/** Signed for (已签收): the department accepts it as its own and is handling it. */
	SIGNED,
	/** Resolved (已办结) with a written resolution for the worker. */
	RESOLVED

}
