package org.waystation.intake.imports.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Channel;
import org.waystation.intake.imports.ImportJob;
import org.waystation.intake.imports.ImportRow;
import org.waystation.intake.imports.Imports;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * Operators upload spreadsheets of appeals (micro-wish box slips, paper forms, grid
 * visits) and follow each upload's report. An operator sees their own uploads only.
 */
@RestController
@Validated
@RequestMapping("/api/v1/channels/imports")
class ImportController {

	private final Imports imports;

	ImportController(Imports imports) {
		this.imports = imports;
	}

	/**
	 * The file as the request body (CSV or XLSX, at most 5 MB and 2,000 rows). 202 with
	 * the report so far: refused rows are named at once, the good ones are filed in the
	 * background ({@code status} RUNNING until every row has its outcome).
	 */
	@PostMapping(consumes = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/octet-stream" })
	@RolesAllowed(Roles.OPERATOR)
	ResponseEntity<Report> upload(Caller caller, @RequestBody byte[] file,
			@RequestParam(defaultValue = "CSV_IMPORT") @Pattern(regexp = "WISH_BOX|CSV_IMPORT|GRID_WORKER",
					message = "must be WISH_BOX, CSV_IMPORT or GRID_WORKER") String channel,
			@RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") @Pattern(
					regexp = "[^\\p{Cc}/\\\\]*",
					message = "must be a file name without control characters or slashes") String fileName) {
		if (file.length > Imports.MAX_BYTES) {
			throw ProblemException.invalid("file", "must be at most 5 MB");
		}
		ImportJob job = this.imports.start(caller.subject(), Channel.valueOf(channel), fileName, file);
		return ResponseEntity.accepted().location(URI.create("/api/v1/channels/imports/" + job.id())).body(report(job));
	}

	/** This operator's uploads, newest first, with their counts. */
	@GetMapping
	@RolesAllowed(Roles.OPERATOR)
	List<Summary> mine(Caller caller, @RequestParam(defaultValue = "20") @Min(value = 1,
			message = "must be between 1 and 50") @Max(value = 50, message = "must be between 1 and 50") int limit) {
		return this.imports.ofOperator(caller.subject(), limit).stream().map(ImportController::summary).toList();
	}

	/** One upload's report, row by row. */
	@GetMapping("/{importId}")
	@RolesAllowed(Roles.OPERATOR)
	Report one(Caller caller, @PathVariable String importId) {
		return this.imports.of(caller.subject(), importId)
			.map(ImportController::report)
			.orElseThrow(() -> ProblemException.notVisible("import-not-found", "You uploaded no import " + importId));
	}

	private static Summary summary(ImportJob job) {
		return new Summary(job.id(), job.fileName(), job.format(), job.channel().name(), job.status(),
				job.rows().size(), job.count(ImportRow.Outcome.PENDING), job.count(ImportRow.Outcome.ACCEPTED),
				job.count(ImportRow.Outcome.ALREADY_IMPORTED), job.count(ImportRow.Outcome.DUPLICATE_IN_FILE),
				job.count(ImportRow.Outcome.REJECTED), job.blankRows(), job.ignoredColumns(), job.createdAt(),
				job.finishedAt());
	}

	private static Report report(ImportJob job) {
		return new Report(summary(job),
				job.rows()
					.stream()
					.map((row) -> new Row(row.row(), row.outcome(), row.trackingCode(), row.phoneMasked(), row.field(),
							row.reason()))
					.toList());
	}

	/**
	 * @param rows the data rows read (blank ones aside)
	 * @param pending rows still to be filed
	 * @param accepted rows filed as new appeals
	 * @param alreadyImported rows an earlier upload filed
	 * @param duplicates rows repeating an earlier row of the file
	 * @param rejected rows refused
	 * @param ignoredColumns columns the import does not read
	 */
	record Summary(String importId, String fileName, String format, String channel, ImportJob.Status status, int rows,
			long pending, long accepted, long alreadyImported, long duplicates, long rejected, int blankRows,
			List<String> ignoredColumns, Instant createdAt, Instant finishedAt) {

	}

	/**
	 * @param field the column at fault, for a refused row
	 * @param reason why it was refused, or which row it repeats
	 */
	record Row(int row, ImportRow.Outcome outcome, String trackingCode, String phone, String field, String reason) {

	}

	record Report(Summary summary, List<Row> rows) {

	}

}
