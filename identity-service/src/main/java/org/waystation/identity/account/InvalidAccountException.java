package org.waystation.identity.account;

import java.util.List;

import org.waystation.support.problem.FieldProblem;
import org.waystation.support.problem.ProblemException;

/** An account's terms or password that cannot be: names the field and the problem. */
public class InvalidAccountException extends ProblemException {

	private final String field;

	private final String problem;

	public InvalidAccountException(String field, String problem) {
		super(Kind.INVALID, "invalid-request", "Invalid request: " + field + " " + problem,
				List.of(new FieldProblem(field, problem)), null);
		this.field = field;
		this.problem = problem;
	}

	public String field() {
		return this.field;
	}

	public String problem() {
		return this.problem;
	}

}
