package org.waystation.routing.similar;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A 并单 suggestion, listable by the triage desk; its id is the later appeal's. */
@Document("merge_suggestions")
public record MergeSuggestion(@Id String appealId, String trackingCode, String duplicateOfAppealId,
		String duplicateOfTrackingCode, String category, double similarity, Instant suggestedAt) {

}
