package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;

/** A request for more time (延期) waiting for the supervisor. */
public record ExtensionRequest(Duration extension, String reason, String requestedBy, Instant requestedAt) {

}
