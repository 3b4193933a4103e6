package org.waystation.routing.classifier;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.classifier.Example;

/**
 * A labelled example from the triage desk: an appeal the classifier sent to one
 * department that triage re-dispatched (改派) to another. Its id is the re-dispatch
 * event's, so a replayed event stores nothing new.
 *
 * @param category the category inferred for the department triage chose: the most likely
 * of that department's categories for the text
 */
@Document("training_corrections")
public record TrainingCorrection(@Id String id, String appealId, String trackingCode, String text, String category,
		String appealType, String priority, String fromDepartment, String toDepartment, String correctedBy, String note,
		Instant correctedAt) {

	Example toExample() {
		return new Example(this.text, this.category, this.appealType, this.priority, "TRIAGE", Example.TRIAGE);
	}

}
