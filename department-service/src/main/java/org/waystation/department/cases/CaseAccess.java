package org.waystation.department.cases;

import org.waystation.events.Taxonomy;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

/**
 * Who may see and do what with a case. Staff see and work their own department's cases;
 * supervisors see the cases of the departments they oversee and approve, assign and close
 * them; the triage desk works the TRIAGE queue and the returned cases of every
 * department. A case outside the caller's scope does not exist for them (404); one they
 * see but may not act on that way is a 403.
 */
public final class CaseAccess {

	private CaseAccess() {
	}

	public static boolean maySee(Caller caller, Case c) {
		return caller.maySee(c.getDepartment()) || triageMayHandle(caller, c);
	}

	/** The case, if the caller may see it; otherwise refused as if it did not exist. */
	public static Case visible(Caller caller, Case c) {
		if (c == null || !maySee(caller, c)) {
			throw ProblemException.notVisible("case-not-found", "No case of yours has this id");
		}
		return c;
	}

	/**
	 * The department's own case work (sign, claim, reply, ask, extend, return, resolve):
	 * its staff, or the triage desk on the TRIAGE queue.
	 */
	public static void requireCaseWork(Caller caller, Case c) {
		if (!caller.worksIn(c.getDepartment())) {
			throw ProblemException.forbidden("Only staff of " + c.getDepartment() + " work this case");
		}
	}

	/** Internal notes: the department's staff and its supervisors. */
	public static void requireNoteTaker(Caller caller, Case c) {
		if (!caller.worksIn(c.getDepartment()) && !caller.supervises(c.getDepartment())) {
			throw ProblemException.forbidden("Only staff and supervisors of " + c.getDepartment() + " keep notes");
		}
	}

	/** Approvals, assignment and closing: a supervisor of the case's department. */
	public static void requireSupervisor(Caller caller, Case c) {
		if (!caller.supervises(c.getDepartment())) {
			throw ProblemException.forbidden("Only a supervisor of " + c.getDepartment() + " may do this");
		}
	}

	/** Re-dispatch (改派): the triage desk, on the TRIAGE queue and returned cases. */
	public static void requireTriage(Caller caller, Case c) {
		if (!triageMayHandle(caller, c)) {
			throw ProblemException
				.forbidden("Only the triage desk re-dispatches, and only cases of the TRIAGE queue or returned ones");
		}
	}

	/** Merging (并单): both cases must be the caller's to work. */
	public static void requireMerge(Caller caller, Case c, Case into) {
		boolean sameDepartment = caller.worksIn(c.getDepartment()) && caller.worksIn(into.getDepartment());
		if (!sameDepartment && !(triageMayHandle(caller, c) && maySee(caller, into))) {
			throw ProblemException.forbidden("Only staff who work both cases, or the triage desk, merge them");
		}
	}

	private static boolean triageMayHandle(Caller caller, Case c) {
		return caller.has(Roles.TRIAGE)
				&& (Taxonomy.TRIAGE.equals(c.getDepartment()) || c.getStatus() == CaseStatus.RETURNED);
	}

}
