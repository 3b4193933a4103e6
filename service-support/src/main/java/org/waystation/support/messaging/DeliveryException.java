package org.waystation.support.messaging;

/**
 * A provider (SMS gateway, mail server, IM send API) refused a message or could not be
 * reached.
 */
public class DeliveryException extends RuntimeException {

	public DeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
