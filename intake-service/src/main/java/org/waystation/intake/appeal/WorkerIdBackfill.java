package org.waystation.intake.appeal;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.support.privacy.WorkerIds;

/**
 * Gives appeals stored before worker ids existed their worker's id, once per database, so
 * that their workers can sign in and find them.
 */
@Component
class WorkerIdBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WorkerIdBackfill.class);

	private static final String MIGRATIONS = "migrations";

	private static final String NAME = "appeal-worker-ids";

	private final MongoTemplate mongo;

	private final WorkerIds workerIds;

	WorkerIdBackfill(MongoTemplate mongo, WorkerIds workerIds) {
		this.mongo = mongo;
		this.workerIds = workerIds;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(NAME)), MIGRATIONS)) {
			return;
		}
		Query missing = Query.query(Criteria.where("workerId").exists(false));
		missing.fields().include("_id").include("phone");
		int count = 0;
		for (Document appeal : this.mongo.find(missing, Document.class, "appeals")) {
			String phone = appeal.getString("phone");
			if (phone != null) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(appeal.get("_id"))),
						new Update().set("workerId", this.workerIds.of(phone)), "appeals");
				count++;
			}
		}
		try {
			this.mongo.insert(new Document("_id", NAME).append("appeals", count), MIGRATIONS);
		}
		catch (DuplicateKeyException ex) {
			// Another instance finished it at the same time.
		}
		if (count > 0) {
			log.info("Gave {} earlier appeals their worker id", count);
		}
	}

}
