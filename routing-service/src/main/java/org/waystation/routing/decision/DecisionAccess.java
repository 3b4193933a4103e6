package org.waystation.routing.decision;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.waystation.routing.similar.AppealVisibility;
import org.waystation.routing.similar.Duplicate;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * Who may see which routing decision: the triage desk and supervisors of every department
 * all of them; staff and department supervisors those that went to (or were shared with)
 * their department. An earlier appeal a decision links to is shown under the same rule.
 */
@Component
public class DecisionAccess implements AppealVisibility {

	private final MongoTemplate mongo;

	DecisionAccess(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public boolean maySee(Caller caller, RoutingDecision decision) {
		return caller.has(Roles.TRIAGE) || caller.supervisesAll() || caller.maySeeAny(decision.departments());
	}

	/** Whether the caller may see the appeal an appeal was linked to. */
	public boolean maySee(Caller caller, Duplicate duplicate) {
		if (caller.has(Roles.TRIAGE) || caller.supervisesAll()) {
			return true;
		}
		return decisionOf(duplicate.appealId()).map((earlier) -> maySee(caller, earlier)).orElse(false);
	}

	/** Whether the caller may see the appeal of this id. */
	@Override
	public boolean maySeeAppeal(Caller caller, String appealId) {
		if (caller.has(Roles.TRIAGE) || caller.supervisesAll()) {
			return true;
		}
		return decisionOf(appealId).map((decision) -> maySee(caller, decision)).orElse(false);
	}

	private Optional<RoutingDecision> decisionOf(String appealId) {
		return Optional.ofNullable(this.mongo.findById(appealId, RoutingDecision.class));
	}

}
