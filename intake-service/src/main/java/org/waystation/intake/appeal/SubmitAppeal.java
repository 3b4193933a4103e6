package org.waystation.intake.appeal;

import java.util.List;

import org.waystation.events.Channel;

/**
 * A validated submission, phone number already in canonical form.
 *
 * @param workerId the worker's pseudonymous id, derived from the phone
 * @param idempotencyKey the client's key (or the channel's message id), or null
 * @param stationId the rest station, or the grid, where it was filed
 * @param photos up to three checked images
 * @param filing who filed it on the worker's behalf, or null when the worker did
 * @param replyTo where the worker is answered on their channel when not at the phone (the
 * IM user id), or null
 */
public record SubmitAppeal(Channel channel, String text, String phone, String workerId, String district,
		String stationId, String idempotencyKey, String correlationId, List<Photo> photos, Filing filing,
		String replyTo) {

	public SubmitAppeal {
		photos = (photos != null) ? List.copyOf(photos) : List.of();
	}

	/** Filed by the worker themselves. */
	public SubmitAppeal(Channel channel, String text, String phone, String workerId, String district, String stationId,
			String idempotencyKey, String correlationId, List<Photo> photos) {
		this(channel, text, phone, workerId, district, stationId, idempotencyKey, correlationId, photos, null, null);
	}

	/** Filed on the worker's behalf, or by the worker (filing null). */
	public SubmitAppeal(Channel channel, String text, String phone, String workerId, String district, String stationId,
			String idempotencyKey, String correlationId, List<Photo> photos, Filing filing) {
		this(channel, text, phone, workerId, district, stationId, idempotencyKey, correlationId, photos, filing, null);
	}

}
