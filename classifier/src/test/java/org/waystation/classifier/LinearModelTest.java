package org.waystation.classifier;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinearModelTest {

	@Test
	void learnsSeparableLabelsAndExplainsWithTheWordsThatDecided() {
		List<List<String>> documents = List.of(List.of("w:工资", "w:拖欠"), List.of("w:工资", "w:没发"),
				List.of("w:驿站", "w:饮水机"), List.of("w:驿站", "w:充电"));
		List<String> labels = List.of("WAGE", "WAGE", "STATION", "STATION");
		LinearModel model = LinearModel.train(documents, labels, LinearModel.Settings.DEFAULT);
		assertThat(model.labels()).containsExactly("STATION", "WAGE");
		double[] p = model.probabilities(List.of("w:工资", "w:未知"));
		assertThat(p[1]).isGreaterThan(0.8);
		assertThat(p[0] + p[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(model.contributions(List.of("w:工资", "w:驿站"), "WAGE", 5))
			.extracting(LinearModel.Contribution::feature)
			.containsExactly("w:工资");
		assertThat(model.probabilities(List.of("w:完全没见过"))[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.1));
	}

	@Test
	void aFeatureListedTwiceWeighsMore() {
		List<List<String>> documents = List.of(List.of("a"), List.of("b"));
		LinearModel model = LinearModel.train(documents, List.of("A", "B"), LinearModel.Settings.DEFAULT);
		assertThat(model.probabilities(List.of("a", "a", "b"))[0])
			.isGreaterThan(model.probabilities(List.of("a", "b"))[0]);
	}

}
