package org.waystation.notification.notice;

/** Where a notification stands. */
public enum NotificationStatus {

	/** Rendered, but the worker's contact is not known yet; filled in when it arrives. */
	PENDING_CONTACT,
	/** Rendered and handed to the development sink, which records instead of sending. */
	RECORDED

}
