package org.waystation.routing.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where appeals of a category go: to a department (and its office), everywhere, in one
 * district, or for one station. The most specific enabled rule wins: station, then
 * district, then the category's default. Every change is kept in the rule's own history
 * (who, when, before and after), written with the change in one document write, so no
 * change goes unaudited.
 */
@Document("routing_rules")
public class RoutingRule {

	@Id
	private String id;

	private String category;

	private String district;

	private String stationId;

	private String department;

	private String office;

	private String note;

	private boolean enabled;

	/** The rule set version this rule last changed in. */
	private long rulesetVersion;

	private Instant updatedAt;

	private String updatedBy;

	private List<Change> history = new ArrayList<>();

	@Version
	private Long revision;

	protected RoutingRule() {
	}

	RoutingRule(String id, Terms terms, String actor, Instant now, long rulesetVersion, String action) {
		this.id = id;
		this.category = terms.category();
		this.district = terms.district();
		this.stationId = terms.stationId();
		apply(terms, true, actor, now, rulesetVersion, action);
	}

	/** What a rule says; the part a change replaces. */
	public record Terms(String category, String district, String stationId, String department, String office,
			String note) {

	}

	/** The rule as it was, before or after a change. */
	public record Snapshot(String category, String district, String stationId, String department, String office,
			String note, boolean enabled) {

	}

	/** One audited change. */
	public record Change(long rulesetVersion, String action, String actor, Instant at, Snapshot before,
			Snapshot after) {

	}

	/**
	 * How specific the rule is: 2 for a station, 1 for a district, 0 for the category.
	 */
	public int specificity() {
		return (this.stationId != null) ? 2 : (this.district != null) ? 1 : 0;
	}

	/**
	 * Whether the rule covers an appeal of this category from this district and station.
	 */
	public boolean covers(String category, String district, String stationId) {
		return this.enabled && this.category.equals(category)
				&& (this.district == null || this.district.equals(district))
				&& (this.stationId == null || this.stationId.equals(stationId));
	}

	boolean sameScope(RoutingRule other) {
		return this.category.equals(other.category) && java.util.Objects.equals(this.district, other.district)
				&& java.util.Objects.equals(this.stationId, other.stationId);
	}

	void change(Terms terms, boolean enabled, String actor, Instant now, long rulesetVersion, String action) {
		apply(terms, enabled, actor, now, rulesetVersion, action);
	}

	private void apply(Terms terms, boolean enabled, String actor, Instant now, long rulesetVersion, String action) {
		Snapshot before = (this.department != null) ? snapshot() : null;
		this.department = terms.department();
		this.office = terms.office();
		this.note = terms.note();
		this.enabled = enabled;
		this.rulesetVersion = rulesetVersion;
		this.updatedAt = now;
		this.updatedBy = actor;
		this.history.add(new Change(rulesetVersion, action, actor, now, before, snapshot()));
	}

	public Snapshot snapshot() {
		return new Snapshot(this.category, this.district, this.stationId, this.department, this.office, this.note,
				this.enabled);
	}

	public Terms terms() {
		return new Terms(this.category, this.district, this.stationId, this.department, this.office, this.note);
	}

	public String getId() {
		return this.id;
	}

	public String getCategory() {
		return this.category;
	}

	public String getDistrict() {
		return this.district;
	}

	public String getStationId() {
		return this.stationId;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getOffice() {
		return this.office;
	}

	public String getNote() {
		return this.note;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public long getRulesetVersion() {
		return this.rulesetVersion;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public List<Change> getHistory() {
		return List.copyOf(this.history);
	}

	public Long getRevision() {
		return this.revision;
	}

}
