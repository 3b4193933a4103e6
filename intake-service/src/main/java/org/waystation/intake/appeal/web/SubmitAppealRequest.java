package org.waystation.intake.appeal.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.waystation.events.Channel;
import org.waystation.intake.appeal.Photo;
import org.waystation.support.web.validation.CodePoints;
import org.waystation.support.web.validation.ValueOf;

/** What a channel sends: the worker's words and how to reach them. */
record SubmitAppealRequest(@NotBlank(message = "is required") @ValueOf(Channel.class) String channel,
		@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String text,
		@NotBlank(message = "is required") @ChinesePhoneNumber String phone, @CodePoints(max = 64) String district,
		@CodePoints(max = 64) String stationId,
		@Size(max = 128, message = "must be at most 128 characters") @Pattern(regexp = "[\\x21-\\x7E]*",
				message = "must be printable ASCII without spaces") String idempotencyKey,
		@Size(max = Photo.MAX_PHOTOS, message = "must be at most 3 photos") List<@Valid PhotoUpload> photos) {

	/**
	 * A photo as JSON carries it.
	 *
	 * @param contentType image/jpeg, image/png or image/webp
	 * @param data the image's bytes in base64 (at most 5 MB of them)
	 */
	record PhotoUpload(
			@NotBlank(message = "is required") @Pattern(regexp = "image/(jpeg|png|webp)",
					message = "must be image/jpeg, image/png or image/webp") String contentType,
			@NotBlank(message = "is required: the image in base64") String data) {

	}

}
