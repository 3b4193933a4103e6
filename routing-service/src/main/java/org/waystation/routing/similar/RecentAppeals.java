package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last appeals one phone sent, under the phone's keyed hash (the number itself is not
 * stored). One document per phone, read and appended to by id: no scan.
 */
@Document("recent_appeals")
public class RecentAppeals {

	@Id
	private String phoneHash;

	private List<Entry> entries = new ArrayList<>();

	protected RecentAppeals() {
	}

	public record Entry(String appealId, String trackingCode, Instant at, String category, List<String> terms) {

	}

	String phoneHash() {
		return this.phoneHash;
	}

	List<Entry> entries() {
		return List.copyOf(this.entries);
	}

}
