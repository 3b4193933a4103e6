package org.waystation.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.events.Channel;
import org.waystation.intake.imports.ImportJob;
import org.waystation.intake.imports.ImportRow;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.testsupport.HttpJson;

/** Uploads for the import tests. */
final class TestImports {

	/** Unfinished imports are looked for every second, not every 30. */
	static final String RESUME_PROPERTY = "waystation.imports.resume-every=1s";

	private TestImports() {
	}

	static HttpJson.Response upload(HttpJson operator, String channel, String fileName, String contentType,
			byte[] file) {
		return operator.post("/api/v1/channels/imports?channel=" + channel + "&fileName=" + fileName, contentType,
				file);
	}

	/**
	 * An import as an instance that stopped half-way leaves it: running, one row waiting,
	 * its claim run out.
	 */
	static ImportJob unfinished(MongoTemplate mongo, String operator, String phone, String text) {
		ImportRow row = new ImportRow(2, ImportRow.Outcome.PENDING, null, PhoneNumbers.mask(phone), phone, text, "朝阳区",
				"WJ-07", null, null, null);
		return mongo.insert(new ImportJob(UUID.randomUUID().toString(), operator, Channel.WISH_BOX, "left.csv", "CSV",
				"0".repeat(64), ImportJob.Status.RUNNING, 0, List.of(), List.of(row), Instant.now().minusSeconds(300),
				Instant.now().minusSeconds(60), "a-stopped-instance", null));
	}

}
