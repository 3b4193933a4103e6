package org.waystation.routing.similar;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotTopicTest {

	private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	@Test
	void wordsAndDistrictsWithDotsOrDollarsBecomeFieldNamesAndComeBackTheSame() {
		for (String word : List.of("v2.3版本", "$免单", "100%好评", "百分号%2E", "骑手")) {
			String key = FieldKeys.escape(word);

			assertThat(key).doesNotContain(".").doesNotStartWith("$");
			assertThat(FieldKeys.unescape(key)).isEqualTo(word);
		}
	}

	@Test
	void aTopicPlusAnAppealCountsItWithoutChangingTheTopic() {
		HotTopic topic = new HotTopic("t-1", "REST_STATION", NOW);
		HotTopic one = topic.plus(TopicDelta.of("t-1", "REST_STATION", "WS1", "w-worker-one-0000", "COMMUNITY", "丰台区",
				List.of("驿站", "空调", "漏水"), "驿站的空调漏水，" + "地上全是水。".repeat(30), NOW));
		HotTopic two = one.plus(TopicDelta.of("t-1", "REST_STATION", "WS2", "w-worker-one-0000", "COMMUNITY", "西城区",
				List.of("驿站", "空调", "v2.3版本"), "驿站空调又坏了", NOW.plusSeconds(60)));

		assertThat(topic.getCount()).isZero();
		assertThat(one.getCount()).isEqualTo(1);
		assertThat(two.getCount()).isEqualTo(2);
		assertThat(two.getWorkerCount()).as("the same worker twice").isEqualTo(1);
		assertThat(two.topWords(2)).containsExactlyInAnyOrder("驿站", "空调");
		assertThat(two.topWords(10)).contains("v2.3版本");
		assertThat(two.getDistricts()).extracting(HotTopic.DistrictCount::district).containsExactly("丰台区", "西城区");
		assertThat(two.getSamples()).extracting(HotTopic.Sample::trackingCode).containsExactly("WS1", "WS2");
		// A sample keeps the start of the words: 120 code points and an ellipsis.
		String first = two.getSamples().get(0).text();
		assertThat(first).startsWith("驿站的空调漏水，").endsWith("…");
		assertThat(first.codePointCount(0, first.length())).isEqualTo(121);
		assertThat(two.getSamples().get(1).text()).isEqualTo("驿站空调又坏了");
		assertThat(two.getLastSeen()).isEqualTo(NOW.plusSeconds(60));
		assertThat(two.similarity(List.of("驿站", "空调"))).isGreaterThan(two.similarity(List.of("欠薪", "工资")));
	}

}
