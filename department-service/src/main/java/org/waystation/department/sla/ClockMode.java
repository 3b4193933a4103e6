package org.waystation.department.sla;

/** How an SLA policy counts time. */
public enum ClockMode {

	/** Working time of the business calendar. */
	WORKING,
	/** Every minute counts, day and night, holidays included. */
	AROUND_THE_CLOCK

}
