package org.waystation.events;

/**
 * A record that cannot be read as an event: not JSON, no type, or a missing envelope
 * field. Retrying cannot help; such a record belongs on the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
