package org.waystation.events;

/**
 * A fact about a staff account of the identity service, keyed by the account's username,
 * on {@link Topics#IDENTITY_ACCOUNTS}.
 */
public sealed interface AccountEvent extends DomainEvent permits StaffAccountChanged {

	/** The account's username: the subject of its tokens, and the record key. */
	String username();

	@Override
	default String key() {
		return username();
	}

}
