package org.waystation.events;

/** Where an appeal came in. */
public enum Channel {

	/** Web form on the worker portal. */
	WEB,
	/** Mobile app or mini-program. */
	MOBILE_APP,
	/** Text message to the service number. */
	SMS,
	/** Instant-messaging account (WeChat official account, enterprise WeChat, ...). */
	IM,
	/** A hotline operator's summary of a call. */
	HOTLINE,
	/** Self-service kiosk in a rest station (驿站). */
	KIOSK,
	/** Micro-wish box (微心愿) in a rest station. */
	WISH_BOX,
	/** A grid worker submitting on a worker's behalf. */
	GRID_WORKER,
	/** Bulk import from a partner's spreadsheet. */
	CSV_IMPORT,
	/** An Open311 GeoReport client. */
	OPEN311

}
