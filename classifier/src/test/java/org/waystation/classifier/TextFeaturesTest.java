package org.waystation.classifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTest {

	final TextFeatures features = new TextFeatures();

	@Test
	void chineseIsSegmentedIntoWordsAndBigramsAndLexiconWordsAddTheirCategory() {
		assertThat(this.features.words("我想申请法律援助")).contains("法律", "援助");
		assertThat(this.features.features("站点拖欠工资")).contains("w:工资", "c:拖欠", "c:欠工", "l:拖欠", "k:WAGE_ARREARS");
		java.util.List<String> all = this.features.features("站点拖欠工资");
		long wageWords = all.stream()
			.filter((feature) -> feature.startsWith("l:")
					&& Lexicon.standard().categories().get("WAGE_ARREARS").contains(feature.substring(2)))
			.count();
		assertThat(wageWords).isGreaterThanOrEqualTo(2);
		assertThat(all.stream().filter("k:WAGE_ARREARS"::equals).count())
			.isEqualTo(TextFeatures.LEXICON_WEIGHT * wageWords);
	}

	@Test
	void fullWidthAndCaseAreFoldedAndEnglishIsStemmedAndMatchedAsWholeWords() {
		assertThat(TextFeatures.normalize("ＥＴＣ扣费１２")).isEqualTo("etc扣费12");
		assertThat(this.features.words("Riders are waiting")).contains("rider", "wait");
		assertThat(this.features.features("my parents")).doesNotContain("l:rent");
		assertThat(this.features.features("the rent went up")).contains("l:rent", "k:HOUSING");
	}

}
