package org.waystation.support.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelTextTest {

	@Test
	void turnsControlAndInvisibleCharactersIntoSpacesAndKeepsLineBreaks() {
		assertThat(ChannelText.clean("站点\u0000拖欠\u001b[31m工资\u0007")).isEqualTo("站点 拖欠 [31m工资");
		assertThat(ChannelText.clean("第一行\r\n第二行\u2028第三行")).isEqualTo("第一行\n第二行 第三行");
		assertThat(ChannelText.clean("\u200B\u200E\uFEFF \t")).isEmpty();
		assertThat(ChannelText.clean("孤立\uD800代理")).isEqualTo("孤立 代理");
	}

	@Test
	void makesFullWidthLettersAndDigitsOrdinaryAndKeepsChinesePunctuationAndEmoji() {
		assertThat(ChannelText.clean("欠我６８００元，ＡＢＣ站点！")).isEqualTo("欠我6800元，ABC站点！");
		assertThat(ChannelText.clean("骑手　　小王😡👨‍👩‍👧")).isEqualTo("骑手 小王😡👨‍👩‍👧");
	}

	@Test
	void collapsesRunsOfSpacesAndBlankLines() {
		assertThat(ChannelText.clean("  工资   没发 \n\n\n\n 怎么办  ")).isEqualTo("工资 没发\n\n怎么办");
		assertThat(ChannelText.clean(null)).isEmpty();
	}

	@Test
	void tellsTextWithCharactersThatCleaningWouldRemove() {
		assertThat(ChannelText.hasControlCharacters("站点拖欠工资\n两个月\t4800元👨‍👩‍👧")).isFalse();
		assertThat(ChannelText.hasControlCharacters("站点\u0000拖欠")).isTrue();
		assertThat(ChannelText.hasControlCharacters("站点\u001b[31m")).isTrue();
		assertThat(ChannelText.hasControlCharacters("看不见\u200B的字")).isTrue();
		assertThat(ChannelText.hasControlCharacters("孤立\uD800代理")).isTrue();
	}

}
