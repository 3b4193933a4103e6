package org.waystation.department.cases;

import java.time.Duration;
import java.util.List;

import org.waystation.support.problem.FieldProblem;
import org.waystation.support.problem.ProblemException;

/**
 * An extension that would take the case's extensions past the time its policy allows to
 * resolve it.
 */
public class ExtensionTooLongException extends ProblemException {

	ExtensionTooLongException(Duration asked, Duration limit, Duration granted) {
		super(Kind.INVALID, "invalid-request",
				"Invalid request: extension " + asked + " is too long: the extensions of a case add up to at most "
						+ limit + " (its policy's time to resolve), and " + granted + " was granted already",
				List.of(new FieldProblem("extension", "must be at most " + limit.minus(granted) + " (the policy's "
						+ limit + " to resolve, less the " + granted + " granted already)")),
				null);
	}

}
