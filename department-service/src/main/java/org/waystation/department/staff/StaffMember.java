package org.waystation.department.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of a department's staff, as the identity service's account says, with whether
 * they are on duty here.
 *
 * @param id the account's username: the subject of their tokens
 * @param supervisor approves extensions, receives escalations (督办) and closes disputed
 * cases
 * @param onDuty takes part in round-robin assignment
 * @param enabled false once their account was disabled: they get no new cases
 * @param revision the account revision this entry reflects
 */
@Document("staff")
public record StaffMember(@Id String id, String name, @Indexed String department, boolean supervisor, boolean onDuty,
		boolean enabled, long revision, Instant updatedAt) {

}
