package org.waystation.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.waystation.events.Topics;

/**
 * What the stack did with the accepted appeals, read from its store, its broker and its
 * SMS stand-in: every one stored, routed and given exactly one lead case, its tracking
 * view at the case's status, no text message sent twice, every event consumed.
 */
final class Checks implements AutoCloseable {

	/** The statuses of an appeal whose case has not opened yet. */
	static final Set<String> BEFORE_CASE = Set.of("SUBMITTED", "ROUTED");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Launcher stack;

	private final MongoClient mongo;

	Checks(Launcher stack) {
		this.stack = stack;
		this.mongo = MongoClients.create(stack.mongoUri());
	}

	/** The intake status of each tracking code that is stored. */
	Map<String, String> statuses(List<String> trackingCodes) {
		Map<String, String> statuses = new HashMap<>();
		for (int from = 0; from < trackingCodes.size(); from += 500) {
			List<String> batch = trackingCodes.subList(from, Math.min(trackingCodes.size(), from + 500));
			this.mongo.getDatabase("intake")
				.getCollection("appeals")
				.find(Filters.in("trackingCode", batch))
				.projection(Projections.include("trackingCode", "status"))
				.forEach((doc) -> statuses.merge(doc.getString("trackingCode"), doc.getString("status"),
						(a, b) -> a + "+" + b));
		}
		return statuses;
	}

	/** Waits until no accepted appeal waits for its case, or the time is up. */
	Map<String, String> awaitSettled(List<String> trackingCodes, Duration timeout) throws Exception {
		return Waits.until(timeout, Duration.ofSeconds(2), () -> statuses(trackingCodes),
				(statuses) -> statuses.size() == trackingCodes.size()
						&& statuses.values().stream().noneMatch(BEFORE_CASE::contains));
	}

	/**
	 * Checks every accepted appeal; what is still moving (a case not open yet, a tracking
	 * view behind its case) is looked at again until the time is up.
	 */
	Result check(List<AppealStream.Accepted> accepted, Duration settle) throws Exception {
		Result first = checkOnce(accepted, settle);
		return (first.stuck() == 0 && first.inconsistent() == 0) ? first
				: Waits.until(settle, Duration.ofSeconds(2), () -> checkOnce(accepted, Duration.ZERO),
						(result) -> result.stuck() == 0 && result.inconsistent() == 0);
	}

	private Result checkOnce(List<AppealStream.Accepted> accepted, Duration settle) throws Exception {
		List<String> codes = accepted.stream().map(AppealStream.Accepted::trackingCode).toList();
		Map<String, String> statuses = awaitSettled(codes, settle);
		int lost = 0;
		int stuck = 0;
		int duplicated = 0;
		int inconsistent = 0;
		List<String> examples = new ArrayList<>();
		Map<String, List<Document>> leadCases = new HashMap<>();
		this.mongo.getDatabase("department")
			.getCollection("cases")
			.find(Filters.and(Filters.in("trackingCode", codes), Filters.eq("role", "LEAD")))
			.projection(Projections.include("trackingCode", "status"))
			.forEach((doc) -> leadCases.computeIfAbsent(doc.getString("trackingCode"), (k) -> new ArrayList<>())
				.add(doc));
		for (String code : codes) {
			String status = statuses.get(code);
			List<Document> cases = leadCases.getOrDefault(code, List.of());
			if (status == null) {
				lost++;
				note(examples, "lost " + code);
			}
			else if (status.contains("+") || cases.size() > 1) {
				duplicated++;
				note(examples, "duplicated " + code + " (" + status + ", " + cases.size() + " lead cases)");
			}
			else if (BEFORE_CASE.contains(status) || cases.isEmpty()) {
				stuck++;
				note(examples, "stuck " + code + " at " + status);
			}
			else if (!status.equals(cases.get(0).getString("status"))) {
				inconsistent++;
				note(examples,
						"tracking view " + status + " but case " + cases.get(0).getString("status") + " for " + code);
			}
		}
		int duplicateTexts = duplicateTexts(accepted);
		// The consumers may still be working through the rest (notifications, rosters):
		// every event must be read within the time given.
		Map<String, Long> lag = Waits.until(settle, Duration.ofSeconds(2), this::lag, Map::isEmpty);
		lag.forEach((where, unread) -> note(examples, unread + " events unread by " + where));
		return new Result(accepted.size(), lost, duplicated, stuck, inconsistent, duplicateTexts,
				lag.values().stream().mapToLong(Long::longValue).sum(), deadLetters(), examples);
	}

	/** Text messages the SMS stand-in took twice: the same text to the same phone. */
	int duplicateTexts(List<AppealStream.Accepted> accepted) {
		Set<String> phones = new HashSet<>();
		accepted.forEach((a) -> phones.add(a.phone()));
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.stack.sms() + "/sms"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			Set<String> seen = new HashSet<>();
			int twice = 0;
			for (JsonNode message : JSON.readTree(response.body())) {
				String to = message.path("to").asString();
				if (phones.contains(to) && !seen.add(to + "\n" + message.path("text").asString())) {
					twice++;
				}
			}
			return twice;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The SMS stand-in did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * Records on the event topics a consumer group has not read yet, by group and topic;
	 * empty when every one is read.
	 */
	Map<String, Long> lag() {
		try (Admin admin = admin()) {
			Map<String, Long> lag = new java.util.TreeMap<>();
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet()
					.stream()
					.filter((partition) -> Topics.eventTopics().contains(partition.topic()))
					.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get(30, TimeUnit.SECONDS);
				for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
					OffsetAndMetadata at = committed.get(end.getKey());
					long unread = Math.max(0, end.getValue().offset() - ((at != null) ? at.offset() : 0));
					if (unread > 0) {
						lag.merge(group.groupId() + " on " + end.getKey().topic(), unread, Long::sum);
					}
				}
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of("(interrupted)", -1L);
		}
	}

	/** Records in the dead-letter topics. */
	long deadLetters() {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			for (String topic : Topics.eventTopics()) {
				String dlt = Topics.deadLetterOf(topic);
				admin.describeTopics(List.of(dlt))
					.allTopicNames()
					.get(30, TimeUnit.SECONDS)
					.get(dlt)
					.partitions()
					.forEach((p) -> {
						latest.put(new TopicPartition(dlt, p.partition()), OffsetSpec.latest());
						earliest.put(new TopicPartition(dlt, p.partition()), OffsetSpec.earliest());
					});
			}
			long count = 0;
			var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
			var starts = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
			for (TopicPartition partition : ends.keySet()) {
				count += ends.get(partition).offset() - starts.get(partition).offset();
			}
			return count;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafka());
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
		return Admin.create(properties);
	}

	private static void note(List<String> examples, String what) {
		if (examples.size() < 20) {
			examples.add(what);
		}
	}

	@Override
	public void close() {
		this.mongo.close();
	}

	/**
	 * @param duplicateTexts text messages the same phone got twice
	 * @param lag event records some consumer group has not read
	 */
	record Result(int accepted, int lost, int duplicated, int stuck, int inconsistent, int duplicateTexts, long lag,
			long deadLetters, List<String> examples) {

		boolean clean() {
			return this.lost == 0 && this.duplicated == 0 && this.stuck == 0 && this.inconsistent == 0
					&& this.duplicateTexts == 0 && this.lag == 0;
		}

	}

}
