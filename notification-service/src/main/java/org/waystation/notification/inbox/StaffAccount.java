package org.waystation.notification.inbox;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff account as the identity service last described it: enough to address its
 * holder.
 *
 * @param supervises the department a supervisor oversees, {@code *} for every one
 * @param revision the account's revision, so that an older change never overwrites a
 * newer one
 * @param email where the holder is mailed, or null
 */
@Document("staff_accounts")
public record StaffAccount(@Id String username, String name, List<String> roles, String department, String supervises,
		boolean enabled, long revision, String email) {

	public StaffAccount {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

}
