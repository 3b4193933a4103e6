package org.waystation.support.messaging;

import java.util.Objects;

/**
 * One text message to one phone.
 *
 * @param to the phone number in canonical form
 * @param text the message, as the phone shows it
 * @param purpose what it is for ({@code one-time-code}, {@code notification}, ...): a
 * provider may route one-time codes with priority; never logged with the text
 */
public record SmsMessage(String to, String text, String purpose) {

	/** Purpose of sign-in codes: their text is never logged, stored or queued. */
	public static final String ONE_TIME_CODE = "one-time-code";

	public SmsMessage {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(purpose, "purpose");
	}

}
