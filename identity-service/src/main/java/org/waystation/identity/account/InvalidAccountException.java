package org.waystation.identity.account;

/** An account's terms or password that cannot be: names the field and the problem. */
public class InvalidAccountException extends RuntimeException {

	private final String field;

	private final String problem;

	public InvalidAccountException(String field, String problem) {
		super(field + " " + problem);
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
