package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.support.text.Excerpts;

/**
 * A cluster of similar appeals (热点): how many, from how many workers, which words they
 * share, where, and when the first and the last came in. The word counts are the
 * cluster's centroid; an appeal joins the topic whose centroid is closest.
 *
 * <p>
 * Every instance of routing-service counts into the same document with atomic increments
 * ({@link TopicDelta}), so counts add up whichever instance routed an appeal; in memory a
 * topic is a value, replaced by {@link #plus} when an appeal joins. Words and districts
 * are kept as maps from an escaped key (field names may not hold {@code .} or {@code $})
 * to a count; documents written before that kept them as lists, which are still read.
 */
@Document("hot_topics")
public class HotTopic {

	/** The words of the centroid an appeal is compared with. */
	static final int MAX_TERMS = 60;

	static final int MAX_WORKERS = 1000;

	/**
	 * Enough of a worker's id to count distinct workers, without a large document.
	 */
	static final int WORKER_KEY = 12;

	static final int MAX_SAMPLES = 5;

	@Id
	private String id;

	private String category;

	private int count;

	/** Distinct workers (a prefix of each worker id), up to {@link #MAX_WORKERS}. */
	private List<String> workers = new ArrayList<>();

	/** How many workers were added to {@link #workers}; caps it across instances. */
	private int workerCount;

	/** Word counts by escaped word. */
	private Map<String, Integer> termCounts = new LinkedHashMap<>();

	/** Appeal counts by escaped district name. */
	private Map<String, Integer> districtCounts = new LinkedHashMap<>();

	/** Recent appeals with the department each went to, so staff see only their own. */
	private List<Sample> samples = new ArrayList<>();

	private Instant firstSeen;

	private Instant lastSeen;

	/** When an instance last wrote to it, by that instance's clock. */
	private Instant writtenAt;

	/** Word counts as stored before they were a map. */
	private List<TermCount> terms = new ArrayList<>();

	/** District counts as stored before they were a map. */
	private List<DistrictCount> districts = new ArrayList<>();

	/** Tracking codes of recent appeals, as stored before samples named departments. */
	private List<String> sampleTrackingCodes = new ArrayList<>();

	/** The centroid, worked out when first needed (a topic is not changed once built). */
	@Transient
	private List<TermCount> centroid;

	protected HotTopic() {
	}

	HotTopic(String id, String category, Instant now) {
		this.id = id;
		this.category = category;
		this.firstSeen = now;
		this.lastSeen = now;
	}

	public record TermCount(String term, int count) {

	}

	public record DistrictCount(String district, int count) {

	}

	/**
	 * A recent appeal of the topic, the department it went to, and the start of its text
	 * (null in samples stored before texts were kept).
	 */
	public record Sample(String trackingCode, String department, String text) {

		/** The most of an appeal's text a sample keeps, in code points. */
		static final int TEXT_LENGTH = 120;

		static Sample of(String trackingCode, String department, String text) {
			return new Sample(trackingCode, department, Excerpts.of(text, TEXT_LENGTH));
		}

	}

	/**
	 * Cosine similarity between the appeal's terms (each once) and the centroid: the
	 * topic's {@link #MAX_TERMS} most frequent words.
	 */
	double similarity(List<String> appealTerms) {
		List<TermCount> centroid = centroid();
		if (appealTerms.isEmpty() || centroid.isEmpty()) {
			return 0;
		}
		double dot = 0;
		double norm = 0;
		for (TermCount term : centroid) {
			norm += (double) term.count() * term.count();
			if (appealTerms.contains(term.term())) {
				dot += term.count();
			}
		}
		return dot / (Math.sqrt(norm) * Math.sqrt(appealTerms.size()));
	}

	/**
	 * This topic with a delta counted in: what the store will hold once the delta is
	 * written, or what an appeal would find if it joined. The topic itself is not
	 * changed.
	 */
	HotTopic plus(TopicDelta delta) {
		HotTopic sum = new HotTopic(this.id, this.category, earliest(this.firstSeen, delta.firstSeen()));
		sum.count = this.count + delta.count();
		sum.workers = new ArrayList<>(this.workers);
		for (String worker : delta.workers()) {
			if (!sum.workers.contains(worker) && sum.workers.size() < MAX_WORKERS) {
				sum.workers.add(worker);
			}
		}
		sum.workerCount = this.workerCount + (sum.workers.size() - this.workers.size());
		sum.termCounts = new LinkedHashMap<>(this.termCounts);
		delta.terms().forEach((term, n) -> sum.termCounts.merge(FieldKeys.escape(term), n, Integer::sum));
		sum.districtCounts = new LinkedHashMap<>(this.districtCounts);
		delta.districts()
			.forEach((district, n) -> sum.districtCounts.merge(FieldKeys.escape(district), n, Integer::sum));
		List<Sample> appended = new ArrayList<>(this.samples);
		appended.addAll(delta.samples());
		sum.samples = last(appended, MAX_SAMPLES);
		sum.lastSeen = latest(this.lastSeen, delta.lastSeen());
		sum.writtenAt = this.writtenAt;
		sum.terms = this.terms;
		sum.districts = this.districts;
		sum.sampleTrackingCodes = this.sampleTrackingCodes;
		return sum;
	}

	private List<TermCount> centroid() {
		if (this.centroid == null) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			this.terms.forEach((term) -> counts.merge(term.term(), term.count(), Integer::sum));
			this.termCounts.forEach((key, n) -> counts.merge(FieldKeys.unescape(key), n, Integer::sum));
			this.centroid = counts.entrySet()
				.stream()
				.map((entry) -> new TermCount(entry.getKey(), entry.getValue()))
				.sorted(Comparator.comparingInt(TermCount::count).reversed())
				.limit(MAX_TERMS)
				.toList();
		}
		return this.centroid;
	}

	static String workerKey(String workerId) {
		return (workerId != null) ? workerId.substring(0, Math.min(WORKER_KEY, workerId.length())) : null;
	}

	private static <T> List<T> last(List<T> list, int max) {
		return List.copyOf(list.subList(Math.max(0, list.size() - max), list.size()));
	}

	private static Instant earliest(Instant a, Instant b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

	private static Instant latest(Instant a, Instant b) {
		return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
	}

	/** The words most of its appeals share. */
	public List<String> topWords(int limit) {
		return centroid().stream().limit(limit).map(TermCount::term).toList();
	}

	public String getId() {
		return this.id;
	}

	public String getCategory() {
		return this.category;
	}

	public int getCount() {
		return this.count;
	}

	public int getWorkerCount() {
		return Math.max(this.workerCount, this.workers.size());
	}

	public List<DistrictCount> getDistricts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.districts.forEach((district) -> counts.merge(district.district(), district.count(), Integer::sum));
		this.districtCounts.forEach((key, n) -> counts.merge(FieldKeys.unescape(key), n, Integer::sum));
		return counts.entrySet()
			.stream()
			.map((entry) -> new DistrictCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingInt(DistrictCount::count).reversed())
			.toList();
	}

	/**
	 * The recent appeals with their departments; those stored before departments were
	 * kept have none.
	 */
	public List<Sample> getSamples() {
		List<Sample> all = new ArrayList<>();
		this.sampleTrackingCodes.forEach((code) -> all.add(new Sample(code, null, null)));
		all.addAll(this.samples);
		return last(all, MAX_SAMPLES);
	}

	public Instant getFirstSeen() {
		return this.firstSeen;
	}

	public Instant getLastSeen() {
		return this.lastSeen;
	}

}
