package org.waystation.support.messaging;

/**
 * The provider was not even tried: it failed too often lately (its circuit breaker is
 * open). Not the message's fault: a queue keeps it without counting an attempt.
 */
public class ProviderUnavailableException extends DeliveryException {

	public ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
