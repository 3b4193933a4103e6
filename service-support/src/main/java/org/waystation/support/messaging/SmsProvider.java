package org.waystation.support.messaging;

/**
 * Sends text messages through an SMS gateway. One interface for every sender: sign-in
 * codes, and the notifications to workers.
 */
public interface SmsProvider {

	/**
	 * Hands the message to the provider.
	 * @throws DeliveryException when the provider did not accept it
	 * @throws ProviderUnavailableException when the provider was not tried (it failed too
	 * often lately)
	 */
	void send(SmsMessage message);

}
