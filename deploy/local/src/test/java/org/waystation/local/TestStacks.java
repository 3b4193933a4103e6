package org.waystation.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import tools.jackson.databind.JsonNode;

import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests that start the whole stack share: a configuration on free ports with its
 * own data folder, and the demo accounts' sign-ins (local profile).
 */
final class TestStacks {

	static final String PASSWORD = "waystation-demo";

	/** The secret the SMS provider signs webhook requests with (local profile). */
	static final String SMS_SECRET = "waystation-demo";

	/** The demo administrator's authenticator secret (local profile). */
	static final String ADMIN_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private TestStacks() {
	}

	/** The checkout's jars, every port free, data in the given folder. */
	static StackConfig config(Path data) throws IOException {
		List<String> args = new ArrayList<>();
		args.add("--home=" + Path.of("").toAbsolutePath().resolve("../..").normalize());
		args.add("--data-dir=" + data);
		for (String option : List.of("gateway-port", "identity-port", "intake-port", "routing-port", "department-port",
				"notification-port", "sms-port", "im-port", "mail-port", "mail-smtp-port", "kafka-port",
				"kafka-controller-port", "mongo-port")) {
			args.add("--" + option + "=" + FreePorts.next());
		}
		return StackConfig.from(args.toArray(String[]::new), Map.of());
	}

	/** Signs a demo account in through the gateway; the administrator needs its code. */
	static String login(HttpJson gateway, String username, String totp) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		if (totp != null) {
			body.put("totp", totp);
		}
		HttpJson.Response response = gateway.post("/api/v1/auth/login", HttpJson.json(body));
		assertThat(response.status()).as(username + ": " + response).isEqualTo(200);
		return response.json().get("token").asString();
	}

	/** The demo administrator's authenticator code now, as an app would show it. */
	static String adminCode() throws Exception {
		return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6).generateOneTimePasswordString(
				new SecretKeySpec(new Base32().decode(ADMIN_TOTP), "HmacSHA1"), Instant.now(), Locale.ROOT);
	}

	/**
	 * The {@code X-Signature} the SMS provider puts on a webhook body, under the local
	 * stack's shared secret.
	 */
	static String smsSignature(String body) {
		return WebhookSignature.of(SMS_SECRET, body);
	}

	/** The one-time code last texted to the phone, read off the SMS stand-in. */
	static String textedCode(HttpJson sms, String phone) {
		JsonNode messages = sms.get("/sms?to=" + phone).json();
		return messages.get(messages.size() - 1).get("text").asString().replaceAll(".*?(\\d{6}).*", "$1");
	}

}
