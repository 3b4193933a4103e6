package org.waystation.intake.appeal;

/** Where an appeal stands, as the worker sees it. Statuses only move forward. */
public enum AppealStatus {

	SUBMITTED("已受理，等待分派", "Received, waiting to be dispatched"),
	ROUTED("已分派至承办部门", "Dispatched to the handling department"),
	OPEN("承办部门待签收", "Waiting for the department to sign for it"),
	SIGNED("承办部门已签收，正在办理", "Signed for by the department, being handled"), RESOLVED("已办结", "Resolved");

	private final String zh;

	private final String en;

	AppealStatus(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	/** The description in the given language, zh-CN unless English is asked for. */
	public String describe(boolean english) {
		return english ? this.en : this.zh;
	}

	public boolean isAfter(AppealStatus other) {
		return ordinal() > other.ordinal();
	}

}
