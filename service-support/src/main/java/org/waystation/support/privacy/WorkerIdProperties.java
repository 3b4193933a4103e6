package org.waystation.support.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key worker ids are derived with. It has no default: the local stack generates one
 * on its first start and keeps it in its data directory; elsewhere it must be set
 * ({@code WAYSTATION_PRIVACY_WORKER_ID_KEY}), the same for every service that derives
 * worker ids.
 */
@Validated
@ConfigurationProperties("waystation.privacy")
public record WorkerIdProperties(@NotBlank(
		message = "must be set: the secret key worker ids are derived with (WAYSTATION_PRIVACY_WORKER_ID_KEY)") @Size(
				min = 16, message = "must have at least 16 characters") String workerIdKey) {

}
