package org.waystation.notification.delivery;

import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.ProviderUnavailableException;

/** Hands queued messages of one channel to its provider. */
public interface Sender {

	DeliveryChannel channel();

	/**
	 * @throws DeliveryException when the provider did not take it
	 * @throws ProviderUnavailableException when the provider was not tried (its circuit
	 * breaker is open)
	 */
	void send(QueuedMessage message);

}
