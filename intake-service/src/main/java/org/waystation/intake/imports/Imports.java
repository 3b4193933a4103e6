package org.waystation.intake.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.waystation.support.text.Digests;
import org.waystation.events.Channel;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.Filing;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.problem.ProblemException;

/**
 * Takes an uploaded file: every row is checked at once (the refused ones named in the
 * report with their column and reason), then the good rows are filed one by one in the
 * background while the report shows the progress. A row's idempotency key is made of its
 * values, so a row uploaded again (the same file twice, or a file that overlaps an
 * earlier one) finds the appeal it made the first time and files nothing new. A job left
 * unfinished by a stopped instance is taken over by another after a minute.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	/** The most rows one file may have after its header. */
	public static final int MAX_ROWS = 2000;

	/** The largest file taken. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private static final int BATCH = 25;

	private final MongoTemplate mongo;

	private final AppealService appeals;

	private final WorkerIds workerIds;

	private final ZoneId zone;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "imports");
		thread.setDaemon(true);
		return thread;
	});

	Imports(MongoTemplate mongo, AppealService appeals, WorkerIds workerIds,
			@Value("${waystation.tracking.time-zone:Asia/Shanghai}") ZoneId zone, Optional<Clock> clock) {
		this.mongo = mongo;
		this.appeals = appeals;
		this.workerIds = workerIds;
		this.zone = zone;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Checks the file and starts filing its good rows.
	 * @param channel how the rows came in: {@code WISH_BOX}, {@code CSV_IMPORT} or
	 * {@code GRID_WORKER}
	 */
	public ImportJob start(String operator, Channel channel, String fileName, byte[] data) {
		if (data.length == 0) {
			throw ProblemException.invalid("file", "is empty");
		}
		if (data.length > MAX_BYTES) {
			throw ProblemException.invalid("file", "must be at most 5 MB");
		}
		Table table = Table.read(data, MAX_ROWS);
		ImportColumns columns = new ImportColumns(table.header(), this.zone);
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int blank = 0;
		for (Table.Line line : table.rows()) {
			if (line.blank()) {
				blank++;
				continue;
			}
			ImportRow row = columns.check(line);
			if (row.outcome() == ImportRow.Outcome.PENDING) {
				Integer first = seen.putIfAbsent(key(channel, row), row.row());
				if (first != null) {
					row = row.filed(ImportRow.Outcome.DUPLICATE_IN_FILE, null, "the same as row " + first);
				}
			}
			rows.add(row);
		}
		if (rows.isEmpty()) {
			throw ProblemException.invalid("file", "has no rows after the header");
		}
		Instant now = this.clock.instant();
		boolean pending = rows.stream().anyMatch((row) -> row.outcome() == ImportRow.Outcome.PENDING);
		ImportJob job = this.mongo.insert(new ImportJob(UUID.randomUUID().toString(), operator, channel, fileName,
				table.format(), Digests.sha256(data), pending ? ImportJob.Status.RUNNING : ImportJob.Status.DONE, blank,
				columns.ignored(), rows, now, pending ? now.plus(CLAIM) : null, null, pending ? null : now));
		log.info("Import {} by {}: {} rows of {} ({}), {} refused", job.id(), operator, rows.size(), fileName,
				table.format(), job.count(ImportRow.Outcome.REJECTED));
		if (pending) {
			this.worker.execute(() -> file(job.id()));
		}
		return job;
	}

	/** The job if this operator uploaded it. */
	public Optional<ImportJob> of(String operator, String id) {
		return Optional.ofNullable(this.mongo.findById(id, ImportJob.class))
			.filter((job) -> job.operator().equals(operator));
	}

	/** This operator's imports, newest first. */
	public List<ImportJob> ofOperator(String operator, int limit) {
		return this.mongo.find(Query.query(Criteria.where("operator").is(operator))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit), ImportJob.class);
	}

	/** Takes over the jobs a stopped instance left unfinished. */
	@Scheduled(fixedDelayString = "${waystation.imports.resume-every:30s}",
			initialDelayString = "${waystation.imports.resume-every:30s}")
	void resumeAbandoned() {
		Query abandoned = Query
			.query(Criteria.where("status").is(ImportJob.Status.RUNNING).and("claimedUntil").lt(this.clock.instant()));
		for (ImportJob job : this.mongo.find(abandoned.limit(10), ImportJob.class)) {
			log.info("Import {} was left unfinished; filing its remaining rows", job.id());
			this.worker.execute(() -> file(job.id()));
		}
	}

	/** Files the job's pending rows, if this instance can claim it. */
	void file(String id) {
		ImportJob job = claim(id);
		if (job == null) {
			return;
		}
		List<ImportRow> rows = new ArrayList<>(job.rows());
		Update batch = new Update();
		int inBatch = 0;
		try {
			for (int i = 0; i < rows.size(); i++) {
				ImportRow row = rows.get(i);
				if (row.outcome() != ImportRow.Outcome.PENDING) {
					continue;
				}
				ImportRow filed = fileRow(job, row);
				rows.set(i, filed);
				batch.set("rows." + i, filed);
				if (++inBatch == BATCH) {
					save(id, batch.set("claimedUntil", this.clock.instant().plus(CLAIM)));
					batch = new Update();
					inBatch = 0;
				}
			}
			save(id, batch.set("status", ImportJob.Status.DONE)
				.set("finishedAt", this.clock.instant())
				.unset("claimedUntil"));
			log.info("Import {} done", id);
		}
		catch (RuntimeException ex) {
			if (inBatch > 0) {
				try {
					save(id, batch);
				}
				catch (RuntimeException again) {
					ex.addSuppressed(again);
				}
			}
			log.warn("Import {} stopped; another attempt follows within a minute", id, ex);
		}
	}

	private ImportRow fileRow(ImportJob job, ImportRow row) {
		try {
			AppealService.Submitted submitted = this.appeals
				.submit(new SubmitAppeal(job.channel(), row.text(), row.phone(), this.workerIds.of(row.phone()),
						row.district(), row.stationId(), key(job.channel(), row), null, List.of(),
						new Filing("import:" + job.operator(), null, null, null, null)));
			return row.filed(submitted.replayed() ? ImportRow.Outcome.ALREADY_IMPORTED : ImportRow.Outcome.ACCEPTED,
					submitted.appeal().getTrackingCode(), null);
		}
		catch (ProblemException ex) {
			return row.filed(ImportRow.Outcome.REJECTED, null, ex.getMessage());
		}
	}

	private ImportJob claim(String id) {
		Instant now = this.clock.instant();
		Query claimable = Query.query(Criteria.where("_id")
			.is(id)
			.and("status")
			.is(ImportJob.Status.RUNNING)
			.orOperator(Criteria.where("claimedUntil").lt(now), Criteria.where("claimedBy").is(null),
					Criteria.where("claimedBy").is(this.instance)));
		return this.mongo.findAndModify(claimable,
				new Update().set("claimedUntil", now.plus(CLAIM)).set("claimedBy", this.instance),
				FindAndModifyOptions.options().returnNew(true), ImportJob.class);
	}

	private void save(String id, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, ImportJob.class);
	}

	/**
	 * The row's idempotency key: the same values in the same channel, the same appeal,
	 * whoever uploads them.
	 */
	static String key(Channel channel, ImportRow row) {
		return "import:" + Digests.sha256(String.join("\u0000", channel.name(), row.phone(), row.text(),
				String.valueOf(row.district()), String.valueOf(row.stationId()), String.valueOf(row.writtenOn())));
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

}
