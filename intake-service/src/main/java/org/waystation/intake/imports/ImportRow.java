package org.waystation.intake.imports;

/**
 * One row of an import.
 *
 * @param row its number in the file (the header is row 1)
 * @param phoneMasked the phone as the report shows it
 * @param phone the phone in canonical form, until the row is filed
 * @param text the cleaned text, until the row is filed
 * @param writtenOn the date written on the slip or form, if the file has one
 * @param field the column at fault, for a refused row
 * @param reason why it was refused, or which row it repeats
 */
public record ImportRow(int row, Outcome outcome, String trackingCode, String phoneMasked, String phone, String text,
		String district, String stationId, String writtenOn, String field, String reason) {

	public enum Outcome {

		/** Waiting to be filed. */
		PENDING,
		/** Filed as a new appeal. */
		ACCEPTED,
		/** Filed by an earlier upload of the same row: nothing new. */
		ALREADY_IMPORTED,
		/** The same as an earlier row of this file. */
		DUPLICATE_IN_FILE,
		/** Not filed: a value is missing or wrong. */
		REJECTED

	}

	static ImportRow rejected(int row, String phoneMasked, String field, String reason) {
		return new ImportRow(row, Outcome.REJECTED, null, phoneMasked, null, null, null, null, null, field, reason);
	}

	/** The row once filed: its outcome, and nothing of the worker's words or phone. */
	ImportRow filed(Outcome outcome, String trackingCode, String reason) {
		return new ImportRow(this.row, outcome, trackingCode, this.phoneMasked, null, null, this.district,
				this.stationId, this.writtenOn, null, reason);
	}

}
