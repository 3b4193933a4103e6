package org.waystation.notification.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.waystation.events.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text message fits one segment (70 characters in Chinese, 160 in English) with the
 * longest department name: a template with free text has an SMS form that cuts the free
 * text, never the tracking code or the rating request.
 */
class SmsTemplatesTest {

	private static final String CODE = "WS7K3M9Q2X";

	/**
	 * Templates whose general text carries a free text (a question, a reply, a
	 * resolution).
	 */
	private static final Set<String> FREE_TEXT = Set.of("case.info-requested", "case.replied", "case.resolved");

	private static final String LONG_ZH = "经劳动保障监察大队现场核查，站点确认拖欠您配送费共计3260元，已责令站点于12月5日前一次性补发，并对站点负责人进行约谈。";

	private static final String LONG_EN = "The labour inspectors visited the station, which admitted owing you 3,260 yuan in delivery fees; it must pay all of it by 5 December.";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final NotificationService service;

	SmsTemplatesTest() {
		this.messages.setBasename("notifications/messages");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		this.service = new NotificationService(null, this.messages, null, null, ZoneId.of("Asia/Shanghai"),
				"http://localhost:8080", Optional.empty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh", "en" })
	void everyWorkerTextFitsOneSegmentWithTheLongestDepartment(String language) throws IOException {
		Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		int segment = language.equals("en") ? NotificationService.SMS_SEGMENT_EN : NotificationService.SMS_SEGMENT_ZH;
		String department = longestDepartment(language);
		Properties templates = templates(language);
		int checked = 0;
		for (String key : templates.stringPropertyNames()) {
			if (!key.startsWith("notification.case.") && !key.equals("notification.appeal.submitted")) {
				continue;
			}
			String template = key.substring("notification.".length());
			String text;
			if (FREE_TEXT.contains(template)) {
				text = this.service.sms(template, locale, CODE, department,
						(l) -> language.equals("en") ? LONG_EN : LONG_ZH);
				assertThat(text).as(template + " has an SMS form").isNotNull();
				assertThat(text).contains(language.equals("en") ? LONG_EN.substring(0, 12) : LONG_ZH.substring(0, 8));
			}
			else if (template.equals("case.extended")) {
				text = this.messages.getMessage(key,
						new Object[] { CODE, department, language.equals("en") ? "29 December 2026." : "2026年12月29日。" },
						locale);
			}
			else {
				text = this.messages.getMessage(key, new Object[] { CODE, department, "WS8M4N2P6Q" }, locale);
			}
			assertThat(text).contains(CODE);
			assertThat(text.codePointCount(0, text.length())).as(template + ": " + text).isLessThanOrEqualTo(segment);
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(11);
		String resolved = this.service.sms("case.resolved", locale, CODE, department,
				(l) -> language.equals("en") ? LONG_EN : LONG_ZH);
		assertThat(resolved).endsWith(language.equals("en") ? "3 not satisfied." : "3不满意。");
	}

	private static String longestDepartment(String language) {
		return Taxonomy.standard()
			.departments()
			.stream()
			.map((entry) -> entry.name(language))
			.max(Comparator.comparingInt(String::length))
			.orElseThrow();
	}

	private static Properties templates(String language) throws IOException {
		Properties properties = new Properties();
		String file = language.equals("en") ? "messages_en" : "messages_zh_CN";
		try (InputStream in = SmsTemplatesTest.class.getResourceAsStream("/notifications/" + file + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
