package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cluster of similar appeals (热点): how many, from how many workers, which words they
 * share, where, and when the first and the last came in. The word counts are the
 * cluster's centroid; an appeal joins the topic whose centroid is closest.
 */
@Document("hot_topics")
public class HotTopic {

	static final int MAX_TERMS = 60;

	static final int MAX_WORKERS = 1000;

	static final int MAX_RECENT = 100;

	/**
	 * Enough of a worker's phone hash to count distinct workers, without a large
	 * document.
	 */
	static final int WORKER_KEY = 12;

	static final int MAX_SAMPLES = 5;

	@Id
	private String id;

	private String category;

	private int count;

	/** Distinct workers (a prefix of each phone hash), up to {@link #MAX_WORKERS}. */
	private List<String> workers = new ArrayList<>();

	private List<TermCount> terms = new ArrayList<>();

	private List<DistrictCount> districts = new ArrayList<>();

	private List<String> recentAppeals = new ArrayList<>();

	/** Tracking codes of recent appeals, as stored before samples named departments. */
	private List<String> sampleTrackingCodes = new ArrayList<>();

	/** Recent appeals with the department each went to, so staff see only their own. */
	private List<Sample> samples = new ArrayList<>();

	private Instant firstSeen;

	private Instant lastSeen;

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

	/** A recent appeal of the topic and the department it went to. */
	public record Sample(String trackingCode, String department) {

	}

	/** Cosine similarity between the appeal's terms (each once) and the centroid. */
	double similarity(List<String> appealTerms) {
		if (appealTerms.isEmpty() || this.terms.isEmpty()) {
			return 0;
		}
		double dot = 0;
		double norm = 0;
		for (TermCount term : this.terms) {
			norm += (double) term.count() * term.count();
			if (appealTerms.contains(term.term())) {
				dot += term.count();
			}
		}
		return dot / (Math.sqrt(norm) * Math.sqrt(appealTerms.size()));
	}

	/** A copy to write while the original keeps counting. */
	HotTopic snapshot() {
		HotTopic copy = new HotTopic(this.id, this.category, this.firstSeen);
		copy.count = this.count;
		copy.workers = List.copyOf(this.workers);
		copy.terms = this.terms;
		copy.districts = this.districts;
		copy.recentAppeals = this.recentAppeals;
		copy.sampleTrackingCodes = this.sampleTrackingCodes;
		copy.samples = this.samples;
		copy.lastSeen = this.lastSeen;
		return copy;
	}

	boolean contains(String appealId) {
		return this.recentAppeals.contains(appealId);
	}

	void add(String appealId, String trackingCode, String workerHash, String department, String district,
			List<String> appealTerms, Instant now) {
		this.count++;
		String worker = (workerHash != null) ? workerHash.substring(0, Math.min(WORKER_KEY, workerHash.length()))
				: null;
		if (worker != null && !this.workers.contains(worker) && this.workers.size() < MAX_WORKERS) {
			this.workers.add(worker);
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.terms.forEach((term) -> counts.put(term.term(), term.count()));
		appealTerms.forEach((term) -> counts.merge(term, 1, Integer::sum));
		this.terms = counts.entrySet()
			.stream()
			.map((entry) -> new TermCount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingInt(TermCount::count).reversed())
			.limit(MAX_TERMS)
			.toList();
		if (district != null) {
			Map<String, Integer> byDistrict = new LinkedHashMap<>();
			this.districts.forEach((d) -> byDistrict.put(d.district(), d.count()));
			byDistrict.merge(district, 1, Integer::sum);
			this.districts = byDistrict.entrySet()
				.stream()
				.map((entry) -> new DistrictCount(entry.getKey(), entry.getValue()))
				.sorted(Comparator.comparingInt(DistrictCount::count).reversed())
				.toList();
		}
		this.recentAppeals = append(this.recentAppeals, appealId, MAX_RECENT);
		List<Sample> appended = new ArrayList<>((this.samples != null) ? this.samples : List.of());
		appended.add(new Sample(trackingCode, department));
		this.samples = List.copyOf(appended.subList(Math.max(0, appended.size() - MAX_SAMPLES), appended.size()));
		this.lastSeen = now.isAfter(this.lastSeen) ? now : this.lastSeen;
	}

	private static List<String> append(List<String> list, String value, int max) {
		List<String> appended = new ArrayList<>(list);
		appended.add(value);
		return List.copyOf(appended.subList(Math.max(0, appended.size() - max), appended.size()));
	}

	/** The words most of its appeals share. */
	public List<String> topWords(int limit) {
		return this.terms.stream().limit(limit).map(TermCount::term).toList();
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
		return this.workers.size();
	}

	public List<DistrictCount> getDistricts() {
		return List.copyOf(this.districts);
	}

	/**
	 * The recent appeals with their departments; those stored before departments were
	 * kept have none.
	 */
	public List<Sample> getSamples() {
		List<Sample> all = new ArrayList<>();
		if (this.sampleTrackingCodes != null) {
			this.sampleTrackingCodes.forEach((code) -> all.add(new Sample(code, null)));
		}
		if (this.samples != null) {
			all.addAll(this.samples);
		}
		return List.copyOf(all.subList(Math.max(0, all.size() - MAX_SAMPLES), all.size()));
	}

	public Instant getFirstSeen() {
		return this.firstSeen;
	}

	public Instant getLastSeen() {
		return this.lastSeen;
	}

}
