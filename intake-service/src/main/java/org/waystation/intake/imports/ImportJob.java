package org.waystation.intake.imports;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.events.Channel;

/**
 * One uploaded file and what became of each of its rows. While it runs, the rows waiting
 * to be filed keep their phone and text; once filed, only the outcome stays.
 *
 * @param operator who uploaded it (from the token)
 * @param fileDigest SHA-256 of the file, to tell the operator a file was uploaded before
 * @param blankRows rows with nothing in them, skipped
 * @param ignoredColumns columns the import does not read
 * @param claimedUntil until when the instance filing the rows holds the job; after it,
 * another instance takes over
 * @param claimedBy the instance filing the rows
 */
@Document("imports")
public record ImportJob(@Id String id, String operator, Channel channel, String fileName, String format,
		String fileDigest, Status status, int blankRows, List<String> ignoredColumns, List<ImportRow> rows,
		Instant createdAt, Instant claimedUntil, String claimedBy, Instant finishedAt) {

	public enum Status {

		/** Rows are being filed. */
		RUNNING,
		/** Every row has its outcome. */
		DONE

	}

	public long count(ImportRow.Outcome outcome) {
		return this.rows.stream().filter((row) -> row.outcome() == outcome).count();
	}

}
