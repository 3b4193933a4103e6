package org.waystation.routing.similar;

import org.waystation.support.security.Caller;

/**
 * Whether a caller may see an appeal, by the department its routing decision sent it to.
 * Similar appeals are shown under the same rule as the decisions themselves; the decision
 * feature answers.
 */
public interface AppealVisibility {

	boolean maySeeAppeal(Caller caller, String appealId);

}
