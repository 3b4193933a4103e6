package org.waystation.intake.contact;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a worker's contact details by a member of staff, as the Personal
 * Information Protection Law asks: who, when, which appeal, for which department. Never
 * changed once written; removed only after the retention period.
 *
 * @param actor the reader's username, from their token
 * @param department the department the reader read it for (a department holding a case of
 * the appeal)
 */
@Document("contact_reads")
public record ContactRead(@Id String id, Instant at, String actor, String actorName, Set<String> actorRoles,
		String department, String appealId, String trackingCode) {

}
