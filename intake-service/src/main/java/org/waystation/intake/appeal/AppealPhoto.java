package org.waystation.intake.appeal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A photo of an appeal, one document each (a photo may be 5 MB; an appeal document stays
 * small). Its id is the appeal's id and the photo's digest, so storing it again (a client
 * retrying) writes the same document, and a different photo never replaces it.
 */
@Document("appeal_photos")
public class AppealPhoto {

	@Id
	private String id;

	private String appealId;

	private String contentType;

	private byte[] data;

	private Instant storedAt;

	AppealPhoto() {
	}

	AppealPhoto(String appealId, Photo photo, Instant now) {
		this.id = idOf(appealId, photo);
		this.appealId = appealId;
		this.contentType = photo.contentType();
		this.data = photo.data();
		this.storedAt = now;
	}

	static String idOf(String appealId, Photo photo) {
		return appealId + ":" + photo.digest();
	}

	public String getId() {
		return this.id;
	}

	public String getAppealId() {
		return this.appealId;
	}

	public String getContentType() {
		return this.contentType;
	}

	public byte[] getData() {
		return this.data;
	}

	public Instant getStoredAt() {
		return this.storedAt;
	}

}
