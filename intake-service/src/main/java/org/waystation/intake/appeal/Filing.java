package org.waystation.intake.appeal;

/**
 * Who filed an appeal on the worker's behalf, and what they said about where: an operator
 * of the hotline, a grid worker or a kiosk attendant (from their token), an Open311
 * client (from its API key), or an import.
 *
 * @param filedBy {@code operator:<username>}, {@code open311:<client id>} or
 * {@code import:<username>}
 * @param serviceCode the category the filer chose (an Open311 service code), a hint that
 * routing does not have to follow; or null
 * @param address where the problem is, in the filer's words, or null
 * @param latitude WGS-84 latitude, or null
 * @param longitude WGS-84 longitude, or null
 */
public record Filing(String filedBy, String serviceCode, String address, Double latitude, Double longitude) {

	/** Filed by an operator (hotline, grid, kiosk) signed in as this user. */
	public static Filing byOperator(String username) {
		return new Filing("operator:" + username, null, null, null, null);
	}

	/** Whether an operator filed it. */
	public boolean byOperator() {
		return this.filedBy != null && this.filedBy.startsWith("operator:");
	}

}
