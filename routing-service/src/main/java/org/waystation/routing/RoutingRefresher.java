package org.waystation.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waystation.routing.classifier.ClassifierService;
import org.waystation.routing.rules.RoutingRules;

/**
 * Picks up what other instances changed: routing rules (a newer rule set version) and a
 * retrained classifier (a newer generation). Two reads by id per interval.
 */
@Component
class RoutingRefresher {

	private static final Logger log = LoggerFactory.getLogger(RoutingRefresher.class);

	private final RoutingRules rules;

	private final ClassifierService classifier;

	RoutingRefresher(RoutingRules rules, ClassifierService classifier) {
		this.rules = rules;
		this.classifier = classifier;
	}

	@Scheduled(fixedDelayString = "${waystation.routing.refresh-interval:2s}",
			initialDelayString = "${waystation.routing.refresh-interval:2s}")
	void refresh() {
		try {
			this.rules.refresh();
			this.classifier.refresh();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for routing rule or classifier changes: {}", ex.toString());
		}
	}

}
