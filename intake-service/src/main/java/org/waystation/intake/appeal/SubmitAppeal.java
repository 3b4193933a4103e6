package org.waystation.intake.appeal;

import org.waystation.events.Channel;

/**
 * A validated submission, phone number already in canonical form.
 *
 * @param workerId the worker's pseudonymous id, derived from the phone
 * @param idempotencyKey the client's key (or the channel's message id), or null
 */
public record SubmitAppeal(Channel channel, String text, String phone, String workerId, String district,
		String stationId, String idempotencyKey, String correlationId) {

}
