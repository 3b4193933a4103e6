package org.waystation.intake.appeal;

import java.util.Optional;

import org.waystation.support.text.Digests;

/**
 * A photo sent with an appeal: JPEG, PNG or WebP, at most {@link #MAX_BYTES}, its type
 * read from its first bytes rather than taken on trust.
 *
 * @param contentType the image type the bytes are
 * @param data the image
 * @param digest the SHA-256 of the bytes, in hex: photos are stored under it
 */
public record Photo(String contentType, byte[] data, String digest) {

	/** At most this many photos come with an appeal. */
	public static final int MAX_PHOTOS = 3;

	/** The largest photo taken: 5 MB. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** A photo of the bytes, its digest computed once. */
	public static Photo of(String contentType, byte[] data) {
		return new Photo(contentType, data, Digests.sha256(data));
	}

	/** The image type the bytes start like, if they are one of those taken. */
	public static Optional<String> typeOf(byte[] data) {
		if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
			return Optional.of("image/jpeg");
		}
		if (data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
			return Optional.of("image/png");
		}
		if (data.length > 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W'
				&& data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

}
