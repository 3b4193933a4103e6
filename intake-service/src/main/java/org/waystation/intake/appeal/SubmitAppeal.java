package org.waystation.intake.appeal;

import java.util.List;

import org.waystation.events.Channel;

/**
 * A validated submission, phone number already in canonical form.
 *
 * @param workerId the worker's pseudonymous id, derived from the phone
 * @param idempotencyKey the client's key (or the channel's message id), or null
 * @param photos up to three checked images
 */
public record SubmitAppeal(Channel channel, String text, String phone, String workerId, String district,
		String stationId, String idempotencyKey, String correlationId, List<Photo> photos) {

	public SubmitAppeal {
		photos = (photos != null) ? List.copyOf(photos) : List.of();
	}

}
