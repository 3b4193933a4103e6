package org.waystation.department.cases;

/** The worker's rating of how the case was handled (回访评价). */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	boolean isSatisfied() {
		return this != DISSATISFIED;
	}

}
