package org.waystation.department.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of a department's staff.
 *
 * @param supervisor approves extensions, receives escalations (督办) and closes disputed
 * cases
 * @param onDuty takes part in round-robin assignment
 */
@Document("staff")
public record StaffMember(@Id String id, String name, String department, boolean supervisor, boolean onDuty,
		Instant updatedAt) {

}
