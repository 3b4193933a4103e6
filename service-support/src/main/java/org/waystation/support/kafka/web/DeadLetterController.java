package org.waystation.support.kafka.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Topics;
import org.waystation.support.kafka.DeadLetterArchive;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * Administrators list the dead letters of every topic, newest first, with the reason each
 * failed, and replay one on its original topic once what made it fail is mended.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Validated
public class DeadLetterController {

	private final DeadLetterArchive archive;

	public DeadLetterController(DeadLetterArchive archive) {
		this.archive = archive;
	}

	@GetMapping
	@RolesAllowed(Roles.ADMIN)
	List<View> list(@RequestParam(required = false) String topic, @RequestParam(defaultValue = "50") @Min(value = 1,
			message = "must be between 1 and 500") @Max(value = 500, message = "must be between 1 and 500") int limit) {
		if (topic != null && !Topics.eventTopics().contains(topic)) {
			throw ProblemException.invalid("topic", "must be one of " + String.join(", ", Topics.eventTopics()));
		}
		return this.archive.list(topic, limit).stream().map(View::of).toList();
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	@RolesAllowed(Roles.ADMIN)
	View replay(Caller caller, @PathVariable String topic,
			@PathVariable @Min(value = 0, message = "must be between 0 and 999") @Max(value = 999,
					message = "must be between 0 and 999") int partition,
			@PathVariable @Min(value = 0, message = "must be 0 or more") long offset) {
		if (Topics.eventTopics().stream().map(Topics::deadLetterOf).noneMatch(topic::equals)) {
			throw ProblemException.invalid("topic",
					"must be a dead-letter topic such as " + Topics.deadLetterOf(Topics.APPEAL_SUBMITTED));
		}
		return View.of(this.archive.replay(topic, partition, offset, caller.subject()));
	}

	/** A dead letter as administrators see it. */
	record View(String id, String topic, int partition, long offset, String originalTopic, Long originalPartition,
			Long originalOffset, String consumerGroup, String key, String reason, String value, int size,
			Instant failedAt, Instant replayedAt, String replayedBy) {

		static View of(DeadLetterArchive.DeadLetter letter) {
			return new View(letter.id(), letter.topic(), letter.partition(), letter.offset(), letter.originalTopic(),
					letter.originalPartition(), letter.originalOffset(), letter.consumerGroup(), letter.key(),
					letter.reason(), letter.value(), letter.size(), letter.failedAt(), letter.replayedAt(),
					letter.replayedBy());
		}

	}

}
