package org.waystation.department.supervision;

/** What a supervisor (or, for returns, the triage desk) must act on. */
public enum WorkKind {

	/** An urgent appeal not yet acknowledged. */
	URGENT,
	/** A case escalated (督办): a breached deadline or a second dissatisfaction. */
	ESCALATED,
	/** An extension request waiting for approval. */
	EXTENSION_PENDING,
	/** A case returned (退单) as not the department's, for the triage desk to review. */
	RETURNED,
	/** A case past 80 % of the time allowed on a running clock. */
	AT_RISK,
	/** A case past a running deadline. */
	BREACHED

}
