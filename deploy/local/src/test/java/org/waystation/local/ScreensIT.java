package org.waystation.local;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.waystation.testsupport.HttpJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens in headless Chromium against the stack as {@code ./run.sh} starts it: a
 * worker submits on a phone-sized screen, signs in with the texted code, follows, answers
 * and rates; a member of staff signs in through the identity service's page
 * (authorization code with PKCE), signs, asks and resolves; the supervisor dashboard's
 * figures follow; the triage desk re-dispatches a returned case; an administrator (with
 * the authenticator code) changes a routing rule and the preview follows it. axe-core
 * runs on every page; screenshots are kept under {@code target/screenshots}.
 *
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs; without them the test is skipped, unless {@code WAYSTATION_REQUIRE_BROWSER}
 * is set (as {@code .ci/run} does), when it fails.
 */
class ScreensIT {

	private static final String PASSWORD = TestStacks.PASSWORD;

	private static final String PHONE = "13912345678";

	private static final String WORDS = "我在美团跑外卖，朝阳区酒仙桥站点拖欠我十月份的配送费4800元，站长一直推脱不给。";

	@TempDir
	Path data;

	@TempDir
	Path profiles;

	@Test
	void workerStaffSupervisorTriageAndAdminUseTheirScreens() throws Exception {
		boolean required = System.getenv("WAYSTATION_REQUIRE_BROWSER") != null;
		if (required) {
			assertThat(Browser.available()).as("chromium and chromedriver under /usr/bin").isTrue();
		}
		Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
		StackConfig config = TestStacks.config(this.data);
		try (Stack stack = new Stack(config, System.out).start()) {
			String base = "http://localhost:" + config.gatewayPort();
			HttpJson gateway = new HttpJson(stack.gatewayUrl());
			HttpJson sms = new HttpJson(stack.smsUrl());
			try (Browser worker = Browser.open(base, this.profiles.resolve("worker"), true);
					Browser staff = Browser.open(base, this.profiles.resolve("staff"), false);
					Browser supervisor = Browser.open(base, this.profiles.resolve("supervisor"), false)) {
				// The supervisor's figures before anything happened: nothing opened yet.
				supervisor.go("/supervisor");
				supervisor.signIn("supervisor", PASSWORD, null);
				supervisor.sees("[data-kpi=opened] .value", "0");

				String code = submitAndFollow(worker, sms);
				String caseId = signAndAsk(staff, code);
				answer(worker, code);
				resolve(staff, code, caseId);
				rate(worker, code);

				supervisor.click("#period button[type=submit]");
				supervisor.sees("[data-kpi=opened] .value", "1");
				supervisor.sees("[data-kpi=satisfactionRate] .value", "100 %");
				supervisor.sees("[data-kpi=responseRate] .value", "100 %");
				supervisor.visible("#trend-chart svg");
				supervisor.visible("#worklist h2");
				supervisor.visible("[data-csv]");
				supervisor.axe("supervisor dashboard");
				supervisor.screenshot("supervisor-dashboard");
			}
			redispatchAtTriage(base, gateway);
			changeRuleAndPreview(base);
			operatorFilesAndImports(base);
		}
	}

	/** The worker portal: submit, sign in with the texted code, find the appeal. */
	private String submitAndFollow(Browser worker, HttpJson sms) throws IOException {
		worker.go("/");
		worker.visible("#text");
		// Light enough for a slow mobile connection: everything the page loaded, as sent.
		long bytes = ((Number) worker.script("return performance.getEntriesByType('navigation')"
				+ ".concat(performance.getEntriesByType('resource'))"
				+ ".reduce((sum, entry) => sum + entry.encodedBodySize, 0)"))
			.longValue();
		assertThat(bytes).as("bytes the worker portal loads").isBetween(1L, 200_000L);
		worker.axe("worker portal, new appeal");
		// Large text, English, and back: the choices stay across pages.
		worker.click("header.bar button[aria-pressed=false]");
		worker.visible("html.care header.bar button[aria-pressed=true]");
		worker.click("header.bar button[lang=en]");
		worker.sees("header.bar h1", "Waystation");
		worker.visible("html[lang=en].care #text");
		worker.axe("worker portal in English, large text");
		worker.click("header.bar button[lang=zh-CN]");
		worker.sees("header.bar h1", "驿站诉求");
		worker.click("header.bar button[aria-pressed=true]");
		worker.visible("html[lang=zh-CN]:not(.care) #text");
		worker.type("#text", WORDS).type("#phone", PHONE).choose("#district", "朝阳区").choose("#station", "CY-JXQ-01");
		worker.visible("#photos").sendKeys(photo().toString());
		worker.visible("#photo-previews img");
		worker.screenshot("worker-submit");
		worker.click("form button[type=submit]");
		String code = worker.text("#tracking-code");
		assertThat(code).matches("WS[A-Z0-9]{8}");
		worker.axe("worker portal, tracking code");

		worker.click("nav.tabs button:nth-child(2)");
		worker.type("#signin-phone", PHONE).click("form:not(.hidden) button[type=submit]");
		worker.visible("#signin-code");
		String otp = TestStacks.textedCode(sms, PHONE);
		worker.type("#signin-code", otp).click("#signin-code ~ .actions button");
		worker.visible("#my-appeals [data-code='" + code + "']");
		worker.axe("worker portal, my appeals");
		return code;
	}

	/** A photo of a pay slip, as a phone would have taken it. */
	private Path photo() throws IOException {
		BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 1200, 900);
		graphics.setColor(Color.DARK_GRAY);
		for (int line = 100; line < 800; line += 60) {
			graphics.fillRect(100, line, 600 + (line % 300), 18);
		}
		graphics.dispose();
		Path file = this.profiles.resolve("pay-slip.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	/** The staff console: the case arrives in the queue; sign, then ask the worker. */
	private String signAndAsk(Browser staff, String code) {
		staff.go("/staff");
		staff.signIn("staff.hrss", PASSWORD, null);
		staff.visible("#counts [data-queue=active]");
		String row = "#cases tr[data-code='" + code + "']";
		staff.repeatUntil(() -> staff.click("#counts [data-queue=active]"), row);
		staff.click(row);
		staff.sees("#worker-words", "拖欠我十月份的配送费4800元");
		staff.visible("#photos img[data-photo='1']");
		assertThat(staff.text("#explanation")).contains("欠薪");
		assertThat(staff.present("#case-file [data-clock='clock.sign']")).isTrue();
		staff.click("#actions [data-action=sign]");
		staff.visible("#case-file[data-status=SIGNED]");
		// The keyboard: A opens the question form.
		staff.script("document.activeElement.blur()");
		staff.keys("a");
		staff.visible("form[data-form=ask] #action-text");
		staff.choose("#template", "0");
		staff.click("form[data-form=ask] button[type=submit]");
		staff.visible("#case-file[data-status=WAITING_FOR_WORKER]");
		staff.visible("#case-file [data-clock='clock.resolve'][data-state=paused]");
		staff.axe("staff console, case file");
		staff.screenshot("staff-console");
		return staff.visible("#case-file").getAttribute("data-case");
	}

	private void answer(Browser worker, String code) {
		openAppeal(worker, code, "#answer-form");
		worker.axe("worker portal, question");
		worker.type("#answer", "聊天记录和转账截图已经发给站长了，站长说等平台结算，可平台说早就结给站点了。");
		worker.click("#answer-form button[type=submit]");
		worker.sees("#status", "答复已发送");
	}

	private void resolve(Browser staff, String code, String caseId) {
		staff.repeatUntil(() -> staff.click("#cases tr[data-code='" + code + "']"),
				"#case-file[data-status=IN_PROGRESS]");
		staff.visible("#history [data-action=ANSWER]");
		staff.click("#actions [data-action=resolve]");
		staff.type("#action-text", "经约谈，站点已将拖欠的配送费4800元足额支付给您。");
		staff.click("form[data-form=resolve] button[type=submit]");
		staff.visible("#case-file[data-status=RESOLVED][data-case='" + caseId + "']");
	}

	private void rate(Browser worker, String code) {
		openAppeal(worker, code, "#rating-form");
		worker.sees("#resolution", "4800");
		worker.axe("worker portal, rating");
		worker.screenshot("worker-rating");
		worker.click("#rating-form input[value=SATISFIED]");
		worker.type("#comment", "钱已经到账了，谢谢！");
		worker.click("#rating-form button[type=submit]");
		worker.sees("#status", "感谢您的评价");
		openAppeal(worker, code, "#rating-text");
		worker.sees("#rating-text", "满意");
	}

	/** Opens the appeal from "my appeals" until the part that is waited for shows. */
	private static void openAppeal(Browser worker, String code, String part) {
		worker.repeatUntil(() -> {
			worker.click("nav.tabs button:nth-child(2)");
			worker.click("#my-appeals [data-code='" + code + "'] button");
			worker.visible("#appeal-detail");
		}, part);
	}

	/** A case returned by the transport bureau is re-dispatched at the triage desk. */
	private void redispatchAtTriage(String base, HttpJson gateway) {
		String code = gateway
			.post("/api/v1/appeals", HttpJson
				.json(Map.of("channel", "WEB", "text", "我是货车司机，车辆道路运输证年审一直办不下来，运管所让我来回跑了好几趟。", "phone", "13700001111")))
			.json()
			.get("trackingCode")
			.asString();
		HttpJson transport = gateway.as(TestStacks.login(gateway, "staff.transport", null));
		String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpJson.Response queue = transport.get("/api/v1/departments/TRANSPORT/cases?trackingCode=" + code);
			return (queue.status() == 200 && queue.json().get("items").size() == 1)
					? queue.json().get("items").get(0).get("caseId").asString() : null;
		}, (id) -> id != null);
		HttpJson.Response returned = transport.post("/api/v1/cases/" + caseId + "/return",
				HttpJson.json(Map.of("reason", "年审由车辆管理所办理，属公安交通管理部门职责。", "basis", "《道路交通安全法》第十三条")));
		assertThat(returned.status()).as(returned.toString()).isEqualTo(200);

		try (Browser triage = Browser.open(base, this.profiles.resolve("triage"), false)) {
			triage.go("/staff");
			triage.signIn("triage", PASSWORD, null);
			triage.visible("#returned [data-case='" + caseId + "']");
			triage.click("#returned [data-case='" + caseId + "']");
			triage.visible("#case-file[data-status=RETURNED]");
			triage.axe("triage desk");
			triage.screenshot("triage-desk");
			triage.click("#actions [data-action=redispatch]");
			triage.choose("#rd-department", "TRAFFIC_POLICE");
			triage.type("#rd-note", "车辆年审属车管所，改派公安交通管理部门。");
			triage.click("form[data-form=redispatch] button[type=submit]");
			triage.visible("#case-file[data-status=REDISPATCHED]");
		}
		HttpJson supervisor = gateway.as(TestStacks.login(gateway, "supervisor", null));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> supervisor.get("/api/v1/cases/" + caseId)
				.json()
				.get("relatedCases")
				.findValuesAsString("department"), (departments) -> departments.contains("TRAFFIC_POLICE"));
	}

	/** The administrator changes the office of a rule; the preview names the new one. */
	private void changeRuleAndPreview(String base) throws Exception {
		try (Browser admin = Browser.open(base, this.profiles.resolve("admin"), false)) {
			admin.go("/admin");
			admin.signIn("admin", PASSWORD, TestStacks.adminCode());
			admin.visible("#preview-text");
			admin.type("#preview-text", "朝阳区的站点拖欠我们三个月工资，好几个骑手都没拿到钱。").type("#preview-district", "朝阳区");
			admin.click("#preview-form button[type=submit]");
			admin.sees("#preview-result", "朝阳区人力资源和社会保障局劳动保障监察大队");
			admin.click("[data-edit='district-chaoyang-WAGE_ARREARS']");
			admin.type("#rule-office", "朝阳区劳动保障监察大队酒仙桥工作站");
			admin.click("#rule-form button[type=submit]");
			admin.sees("#preview-result", "朝阳区劳动保障监察大队酒仙桥工作站");
			admin.sees("table", "朝阳区劳动保障监察大队酒仙桥工作站");
			admin.axe("admin, routing rules");
			admin.screenshot("admin-routing-rules");
			// Every other admin screen: what it shows, and axe-core on it.
			for (List<String> tab : List.of(List.of("sla", "button[data-edit='default']"),
					List.of("calendar", "#calendar-form #holidays"), List.of("accounts", "#account-form"))) {
				admin.click("nav.tabs [data-tab=" + tab.get(0) + "]");
				admin.visible(tab.get(1));
				admin.axe("admin, " + tab.get(0));
			}
			admin.sees("#view table", "staff.hrss");
			// A new officer for HRSS, then a change of name.
			admin.type("#acc-username", "hrss.liuyang")
				.type("#acc-name", "刘洋")
				.type("#acc-email", "liuyang@rsj.example.cn");
			admin.click("#account-form input[value=STAFF]");
			admin.choose("#acc-department", "HRSS");
			admin.click("#account-form button[type=submit]");
			admin.sees("#status", "hrss.liuyang");
			admin.click("[data-edit='hrss.liuyang']");
			admin.type("#edit-name", "刘洋（劳动保障监察）");
			admin.click("#account-edit-form button[type=submit]");
			admin.sees("#view table", "刘洋（劳动保障监察）");
			admin.sees("#view table", "liuyang@rsj.example.cn");
			admin.axe("admin, accounts");
			admin.click("nav.tabs [data-tab=calendar]");
			assertThat(admin.visible("#calendar-form #holidays").getDomProperty("value")).contains("2026-10-01");
			// An Open311 client's key: issued (shown once), listed, revoked.
			admin.click("nav.tabs [data-tab=open311]");
			admin.type("#o311-name", "区总工会服务小程序");
			admin.click("#open311-form button[type=submit]");
			admin.sees("#status", "ws311_");
			admin.sees("#view table", "区总工会服务小程序");
			admin.axe("admin, open311 clients");
			admin.click("[data-revoke]");
			admin.sees("#view table", "停用");
			// Dead letters, by topic.
			admin.click("nav.tabs [data-tab=deadLetters]");
			admin.visible("#dl-topic");
			admin.sees("#view h2", "死信");
			admin.axe("admin, dead letters");
		}
	}

	/**
	 * A hotline operator files for a caller, imports the micro-wish box's slips and
	 * follows the report row by row.
	 */
	private void operatorFilesAndImports(String base) throws IOException {
		try (Browser operator = Browser.open(base, this.profiles.resolve("operator"), false)) {
			operator.go("/operator");
			operator.signIn("operator", PASSWORD, null);
			operator.visible("#file-phone");
			operator.choose("#file-channel", "HOTLINE");
			operator.type("#file-phone", "13966665555").type("#file-summary", "来电人系外卖骑手，反映驿站夜里十点后不开门，雨天没有地方避雨。");
			operator.click("#file-form button[type=submit]");
			operator.sees("#status", "WS");
			operator.axe("operator, file for a worker");

			operator.click("nav.tabs [data-tab=import]");
			Path slips = this.data.resolve("wish-box-slips.csv");
			java.nio.file.Files.writeString(slips, String.join("\n", "手机号,诉求内容,驿站编号",
					"13966664444,希望驿站增加几个充电插座，手机没电没法接单。,WJ-07", "1396666,想了解骑手能不能参加工伤保险。,WJ-07"));
			operator.visible("#import-file").sendKeys(slips.toString());
			operator.click("#import-form button[type=submit]");
			operator.sees("#import-report p[data-status=DONE]", "新登记 1");
			operator.sees("#import-report table", "未通过");
			operator.axe("operator, import");
			operator.screenshot("operator-import");

			operator.click("nav.tabs [data-tab=mine]");
			operator.sees("#view table", "热线来电");
			operator.axe("operator, filed by me");
		}
	}

}
