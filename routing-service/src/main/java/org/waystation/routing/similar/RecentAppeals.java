package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The appeals one phone sent within the duplicate window, under the phone's keyed hash
 * (the number itself is not stored). One document per phone, read by id: no scan.
 */
@Document("recent_appeals")
public class RecentAppeals {

	@Id
	private String phoneHash;

	private List<Entry> entries = new ArrayList<>();

	@Version
	private Long version;

	protected RecentAppeals() {
	}

	RecentAppeals(String phoneHash) {
		this.phoneHash = phoneHash;
	}

	public record Entry(String appealId, String trackingCode, Instant at, String category, List<String> terms) {

	}

	List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	void add(Entry entry, Instant keepAfter) {
		this.entries.removeIf((old) -> old.at().isBefore(keepAfter));
		this.entries.add(entry);
	}

}
