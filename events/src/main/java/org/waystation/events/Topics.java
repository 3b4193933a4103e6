package org.waystation.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names. Every appeal record is keyed by appeal id, so one appeal stays on
 * one partition; account records are keyed by username.
 */
public final class Topics {

	public static final String APPEAL_SUBMITTED = "appeal.submitted";

	public static final String APPEAL_ROUTED = "appeal.routed";

	public static final String CASE_EVENTS = "case.events";

	public static final String APPEAL_FEEDBACK = "appeal.feedback";

	/**
	 * Alerts for supervisors (urgent appeals); notification and dashboards consume them.
	 */
	public static final String SUPERVISOR_ALERTS = "supervisor.alerts";

	/**
	 * Staff accounts as the identity service keeps them, keyed by username; department
	 * service keeps its roster from them.
	 */
	public static final String IDENTITY_ACCOUNTS = "identity.accounts";

	/** Suffix of the dead-letter topic beside each topic. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	/** The topics events are published to. */
	public static List<String> eventTopics() {
		return List.of(APPEAL_SUBMITTED, APPEAL_ROUTED, CASE_EVENTS, APPEAL_FEEDBACK, SUPERVISOR_ALERTS,
				IDENTITY_ACCOUNTS);
	}

	/** Every topic, dead-letter topics included. */
	public static List<String> all() {
		return eventTopics().stream().flatMap((topic) -> Stream.of(topic, deadLetterOf(topic))).toList();
	}

	public static String deadLetterOf(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	public static String topicFor(DomainEvent event) {
		if (event instanceof AccountEvent) {
			return IDENTITY_ACCOUNTS;
		}
		if (event instanceof AppealSubmitted) {
			return APPEAL_SUBMITTED;
		}
		if (event instanceof AppealRouted) {
			return APPEAL_ROUTED;
		}
		if (event instanceof FeedbackEvent) {
			return APPEAL_FEEDBACK;
		}
		if (event instanceof SupervisorAlerted) {
			return SUPERVISOR_ALERTS;
		}
		return CASE_EVENTS;
	}

}
