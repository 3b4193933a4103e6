package org.waystation.support.messaging;

/**
 * Sends text messages through an SMS gateway. One interface for every sender: sign-in
 * codes, and the notifications to workers.
 */
public interface SmsProvider {

	/**
	 * Hands the message to the provider.
	 * @throws SmsDeliveryException when the provider did not accept it
	 */
	void send(SmsMessage message);

	/** The provider refused the message or could not be reached. */
	class SmsDeliveryException extends RuntimeException {

		public SmsDeliveryException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * The provider was not even tried: it failed too often lately (its circuit breaker is
	 * open). Not the message's fault: a queue keeps it without counting an attempt.
	 */
	class ProviderUnavailableException extends SmsDeliveryException {

		public ProviderUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
