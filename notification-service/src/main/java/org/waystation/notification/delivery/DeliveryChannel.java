package org.waystation.notification.delivery;

/** The providers messages leave through. */
public enum DeliveryChannel {

	/** Text messages to workers, through the SMS gateway's HTTP API. */
	SMS,

	/** Messages to workers through the IM service account's send API. */
	IM,

	/** Mail to members of staff, over SMTP. */
	EMAIL

}
