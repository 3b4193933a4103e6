package org.waystation.intake.appeal;

/**
 * Where an appeal stands, as the worker sees it: before routing, then the status of the
 * case that leads its handling.
 */
public enum AppealStatus {

	SUBMITTED("已受理，等待分派", "Received, waiting to be dispatched"),
	ROUTED("已分派至承办部门", "Dispatched to the handling department"),
	OPEN("承办部门待签收", "Waiting for the department to sign for it"), SIGNED("承办部门已签收", "Signed for by the department"),
	IN_PROGRESS("正在办理", "Being handled"), WAITING_FOR_WORKER("待您补充信息", "Waiting for information from you"),
	RESOLVED("已办结，请您评价", "Resolved; please rate how it was handled"),
	RATED("已评价，等待主管复核", "Rated; a supervisor is reviewing it"), REOPENED("重新办理中", "Being handled again"),
	CLOSED("已结案", "Closed"), RETURNED("正在重新分派", "Being passed to the right department"),
	REDISPATCHED("已改派至其他部门", "Passed to another department"),
	MERGED("已与相同诉求合并办理", "Merged with an appeal about the same matter");

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

	/** The status of a case status name from an event, if the worker has one for it. */
	public static AppealStatus ofCaseStatus(String caseStatus) {
		for (AppealStatus status : values()) {
			if (status.name().equals(caseStatus)) {
				return status;
			}
		}
		return null;
	}

}
