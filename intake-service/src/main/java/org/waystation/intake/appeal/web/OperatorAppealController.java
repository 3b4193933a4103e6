package org.waystation.intake.appeal.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Channel;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.Filing;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.text.ChannelText;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.validation.CodePoints;

/**
 * A hotline operator, a grid worker or a kiosk attendant files an appeal on a worker's
 * behalf: the caller's phone and the operator's summary. Who filed it comes from the
 * token and is recorded on the appeal; the worker is texted the tracking code.
 */
@RestController
@Validated
@RequestMapping("/api/v1/channels/operator/appeals")
class OperatorAppealController {

	private final AppealService appeals;

	private final WorkerIds workerIds;

	OperatorAppealController(AppealService appeals, WorkerIds workerIds) {
		this.appeals = appeals;
		this.workerIds = workerIds;
	}

	/**
	 * 202 with the tracking code, as for a worker's own submission; a retry under the
	 * same idempotency key returns the first appeal.
	 */
	@PostMapping
	@RolesAllowed(Roles.OPERATOR)
	ResponseEntity<Filed> file(Caller caller, @Valid @RequestBody OperatorFiling request) {
		// Control and invisible-only text were refused by @CodePoints; the rest is
		// normalised
		// as every channel's text is.
		String summary = ChannelText.clean(request.summary());
		String phone = PhoneNumbers.normalize(request.phone()).orElseThrow();
		String key = (request.idempotencyKey() != null)
				? "operator:" + caller.subject() + ":" + request.idempotencyKey() : null;
		AppealService.Submitted submitted = this.appeals.submit(new SubmitAppeal(Channel.valueOf(request.channel()),
				summary, phone, this.workerIds.of(phone), blank(request.district()), blank(request.stationId()), key,
				CorrelationIds.current().orElse(null), List.of(), Filing.byOperator(caller.subject())));
		Appeal appeal = submitted.appeal();
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/channels/operator/appeals?trackingCode=" + appeal.getTrackingCode()))
			.header(AppealController.REPLAYED_HEADER, String.valueOf(submitted.replayed()))
			.body(view(appeal));
	}

	/** The appeals this operator filed, newest first. */
	@GetMapping
	@RolesAllowed(Roles.OPERATOR)
	List<Filed> mine(Caller caller, @RequestParam(defaultValue = "20") @Min(value = 1,
			message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100") int limit) {
		return this.appeals.filedBy(Filing.byOperator(caller.subject()).filedBy(), limit)
			.stream()
			.map(OperatorAppealController::view)
			.toList();
	}

	private static Filed view(Appeal appeal) {
		return new Filed(appeal.getId(), appeal.getTrackingCode(), appeal.getChannel().name(), appeal.getStatus(),
				appeal.getStatus().describe(false), PhoneNumbers.mask(appeal.getPhone()), appeal.getDistrict(),
				appeal.getStationId(), appeal.getDepartment(), appeal.getSubmittedAt());
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * @param channel how the worker reached the operator: {@code HOTLINE},
	 * {@code GRID_WORKER} or {@code KIOSK}
	 * @param phone the worker's phone, to text the tracking code to
	 * @param summary the operator's summary of what the worker said
	 * @param stationId the rest station or grid where it was filed
	 */
	record OperatorFiling(
			@NotBlank(message = "is required") @Pattern(regexp = "HOTLINE|GRID_WORKER|KIOSK",
					message = "must be HOTLINE, GRID_WORKER or KIOSK") String channel,
			@NotBlank(message = "is required") @ChinesePhoneNumber String phone,
			@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String summary,
			@CodePoints(max = 64) String district, @CodePoints(max = 64) String stationId,
			@Size(max = 128, message = "must be at most 128 characters") @Pattern(regexp = "[\\x21-\\x7E]*",
					message = "must be printable ASCII without spaces") String idempotencyKey) {

	}

	/**
	 * @param phone masked, as the operator heard it
	 */
	record Filed(String appealId, String trackingCode, String channel, AppealStatus status, String statusText,
			String phone, String district, String stationId, String department, Instant submittedAt) {

	}

}
