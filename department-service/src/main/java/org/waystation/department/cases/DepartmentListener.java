package org.waystation.department.cases;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.Event;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.support.kafka.EventTypeFilter;
import org.waystation.support.kafka.RecordBatches;

/**
 * What opens and moves cases from outside a staff action: routing decisions,
 * re-dispatches (which open a case in the new department), and the worker's answers and
 * ratings. The cases of the routed appeals of one poll are opened together.
 */
@Component
class DepartmentListener {

	/** Routed appeals whose cases are opened in one round trip at most. */
	static final int OPENED_TOGETHER = 100;

	private final CaseService cases;

	DepartmentListener(CaseService cases) {
		this.cases = cases;
	}

	@KafkaListener(id = "department-cases", idIsGroup = false,
			topics = { Topics.APPEAL_ROUTED, Topics.CASE_EVENTS, Topics.APPEAL_FEEDBACK }, batch = "true")
	void onRoutingCaseAndFeedbackEvents(List<ConsumerRecord<String, byte[]>> records) {
		RecordBatches.<AppealRouted>handle(records, (record, routed) -> {
			if (HANDLED.mayAccept(record)) {
				EventCodec.fromBytes(record.value()).ifPresent((event) -> handle(event, routed));
			}
		}, this.cases::openAll, OPENED_TOGETHER);
	}

	/** The events it acts on; its own case events it passes over unread. */
	private static final EventTypeFilter HANDLED = EventTypeFilter.of(AppealRouted.class, CaseRedispatched.class,
			WorkerAnswered.class, WorkerRated.class);

	/**
	 * Routed appeals of one poll open their cases together; anything else first lets the
	 * cases before it be opened, since it may be about one of them.
	 */
	private void handle(Event event, RecordBatches.Pending<AppealRouted> routed) {
		if (event instanceof AppealRouted opening) {
			routed.add(opening);
			return;
		}
		routed.flush();
		if (event instanceof CaseRedispatched redispatched) {
			this.cases.open(redispatched);
		}
		else if (event instanceof WorkerAnswered answered) {
			this.cases.answer(answered);
		}
		else if (event instanceof WorkerRated rated) {
			this.cases.rate(rated);
		}
	}

}
