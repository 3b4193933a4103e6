package org.waystation.standins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStandInTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void takesMailOverSmtpAndListsItByAddressOverHttp() throws Exception {
		try (MailStandIn standIn = MailStandIn.start("127.0.0.1", 0, 0)) {
			ServerSetup smtp = new ServerSetup(standIn.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			GreenMailUtil.sendTextEmail("lihua@rsj.example.cn", "noreply@waystation.example", "超时预警",
					"人力资源和社会保障局工单已用80%时限", smtp);
			GreenMailUtil.sendTextEmail("other@jtj.example.cn", "noreply@waystation.example", "别人的", "x", smtp);

			assertThat(standIn.to("LiHua@rsj.example.cn")).singleElement().satisfies((mail) -> {
				assertThat(mail.subject()).isEqualTo("超时预警");
				assertThat(mail.text()).contains("已用80%时限");
				assertThat(mail.from()).isEqualTo("noreply@waystation.example");
			});
			HttpResponse<String> listed = this.http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + standIn.httpPort() + "/mail?to=lihua@rsj.example.cn"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(listed.statusCode()).isEqualTo(200);
			assertThat(listed.body()).contains("超时预警", "receivedAt").doesNotContain("别人的");
			HttpResponse<String> unnamed = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standIn.httpPort() + "/mail")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(unnamed.statusCode()).isEqualTo(400);
		}
	}

}
