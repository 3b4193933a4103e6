package org.waystation.classifier;

/**
 * A labelled appeal: what a worker wrote and where it belongs.
 *
 * @param channel where it came in ({@code Channel} name), for the record
 * @param source {@code SHIPPED} for the examples in the repository, {@code TRIAGE} for
 * corrections the triage desk made, {@code CHECK_SET} for the independent check set
 * (never trained on)
 */
public record Example(String text, String category, String type, String priority, String channel, String source) {

	public static final String SHIPPED = "SHIPPED";

	public static final String TRIAGE = "TRIAGE";

	public static final String CHECK_SET = "CHECK_SET";

	public Example {
		if (text == null || text.isBlank() || category == null || type == null || priority == null) {
			throw new IllegalArgumentException("An example needs a text, a category, a type and a priority");
		}
	}

}
