package org.waystation.standins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SmsGatewayStandInTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@Test
	void keepsWhatItIsSentAndListsItByPhoneNewestLast() throws Exception {
		Path store = this.data.resolve("sms.jsonl");
		try (SmsGatewayStandIn standIn = SmsGatewayStandIn.start("127.0.0.1", 0, "key-1", store)) {
			assertThat(send(standIn, "key-1", "{\"to\":\"13812345678\",\"text\":\"第一条\"}")).isEqualTo(202);
			assertThat(send(standIn, "key-1", "{\"to\":\"+86 138-1234-5678\",\"text\":\"第二条\"}")).isEqualTo(202);
			assertThat(send(standIn, "key-1", "{\"to\":\"13900000000\",\"text\":\"别人的\"}")).isEqualTo(202);

			String listed = get(standIn, "/sms?to=13812345678");
			assertThat(listed).contains("第一条", "第二条", "sentAt").doesNotContain("别人的");
			assertThat(listed.indexOf("第一条")).isLessThan(listed.indexOf("第二条"));
		}
		try (SmsGatewayStandIn restarted = SmsGatewayStandIn.start("127.0.0.1", 0, "key-1", store)) {
			assertThat(restarted.to("13812345678")).extracting(SmsGatewayStandIn.Message::text)
				.containsExactly("第一条", "第二条");
		}
	}

	@Test
	void refusesSendersWithoutTheKeyAndBodiesThatAreNotMessages() throws Exception {
		try (SmsGatewayStandIn standIn = SmsGatewayStandIn.start("127.0.0.1", 0, "key-1", null)) {
			assertThat(send(standIn, "wrong", "{\"to\":\"13812345678\",\"text\":\"x\"}")).isEqualTo(401);
			assertThat(send(standIn, "key-1", "{\"to\":\"13812345678\"}")).isEqualTo(400);
			assertThat(send(standIn, "key-1", "not json")).isEqualTo(400);
			assertThat(standIn.all()).isEmpty();
		}
	}

	private int send(SmsGatewayStandIn standIn, String key, String body) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(standIn.sendUrl())
				.header("Authorization", "Bearer " + key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String get(SmsGatewayStandIn standIn, String path) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standIn.port() + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
