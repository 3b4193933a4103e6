package org.waystation.intake.appeal;

import org.waystation.events.Channel;

/**
 * A validated submission, phone number already in canonical form.
 *
 * @param idempotencyKey the client's key (or the channel's message id), or null
 */
public record SubmitAppeal(Channel channel, String text, String phone, String district, String stationId,
		String idempotencyKey, String correlationId) {

}
