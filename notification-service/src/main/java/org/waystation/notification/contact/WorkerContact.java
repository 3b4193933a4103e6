package org.waystation.notification.contact;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The phone number to notify about one appeal. Kept here, not passed on every event, so
 * that case events carry no personal data.
 */
@Document("contacts")
public record WorkerContact(@Id String appealId, String trackingCode, String phone, Instant submittedAt) {

}
