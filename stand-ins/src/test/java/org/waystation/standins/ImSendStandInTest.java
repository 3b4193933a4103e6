package org.waystation.standins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImSendStandInTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void keepsMessagesByUserAndRefusesWrongKeysAndBlankRecipients() throws Exception {
		try (ImSendStandIn standIn = ImSendStandIn.start("127.0.0.1", 0, "im-key", null)) {
			assertThat(send(standIn, "im-key", "{\"to\":\"wx-o6_bmjrPTlm6\",\"text\":\"您的诉求已受理\"}")).isEqualTo(202);
			assertThat(send(standIn, "wrong", "{\"to\":\"wx-o6_bmjrPTlm6\",\"text\":\"x\"}")).isEqualTo(401);
			assertThat(send(standIn, "im-key", "{\"to\":\"  \",\"text\":\"x\"}")).isEqualTo(400);

			assertThat(standIn.to("wx-o6_bmjrPTlm6")).extracting(HttpMessageSink.Message::text)
				.containsExactly("您的诉求已受理");
			String listed = this.http
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + standIn.port() + "/im?to=wx-o6_bmjrPTlm6"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(listed).contains("您的诉求已受理", "sentAt");
		}
	}

	private int send(ImSendStandIn standIn, String key, String body) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(standIn.sendUrl())
				.header("Authorization", "Bearer " + key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
