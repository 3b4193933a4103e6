package org.waystation.department.cases;

/**
 * An action the case's current status (or its history) does not allow, with the reason.
 */
public class IllegalTransitionException extends RuntimeException {

	private final CaseStatus current;

	IllegalTransitionException(String action, CaseStatus current, String reason) {
		super("Cannot " + action + " a case that is " + current + ": " + reason);
		this.current = current;
	}

	public CaseStatus current() {
		return this.current;
	}

}
