package org.waystation.department.cases;

import org.waystation.support.problem.ProblemException;

/**
 * An action the case's current status (or its history) does not allow, with the reason;
 * answered as a conflict that names the case's status.
 */
public class IllegalTransitionException extends ProblemException {

	private final CaseStatus current;

	IllegalTransitionException(String action, CaseStatus current, String reason) {
		super(Kind.CONFLICT, "illegal-transition", "Cannot " + action + " a case that is " + current + ": " + reason);
		this.current = current;
		with("caseStatus", current);
	}

	public CaseStatus current() {
		return this.current;
	}

}
