package org.waystation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.waystation.events.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails when the classifier, trained on the training split, does worse on the
 * held-out split than the recorded figures.
 */
class HeldOutEvaluationTest {

	static List<Example> examples;

	static Evaluation evaluation;

	@BeforeAll
	static void evaluate() {
		examples = TrainingData.shipped();
		AppealClassifier classifier = AppealClassifier.train(TrainingData.training(examples), SignalRules.standard(),
				new TextFeatures());
		evaluation = Evaluation.of(classifier, TrainingData.heldOut(examples));
		System.out.print(evaluation.report());
	}

	@Test
	void heldOutDepartmentAccuracyAndUrgentRecallStayAtOrAboveTheRecordedFloor() throws IOException {
		Properties floor = new Properties();
		try (InputStream in = getClass().getResourceAsStream("evaluation-floor.properties")) {
			floor.load(in);
		}
		assertThat(evaluation.departmentAccuracy())
			.isGreaterThanOrEqualTo(Double.parseDouble(floor.getProperty("department-accuracy")));
		assertThat(evaluation.urgentRecall())
			.isGreaterThanOrEqualTo(Double.parseDouble(floor.getProperty("urgent-recall")));
	}

	@Test
	void everyCategoryHasAtLeastFortyExamplesAndSomeAreHeldOut() {
		Map<String, List<Example>> byCategory = examples.stream().collect(Collectors.groupingBy(Example::category));
		assertThat(byCategory.keySet()).containsExactlyInAnyOrderElementsOf(
				Taxonomy.standard().categories().stream().map(Taxonomy.Entry::code).toList());
		byCategory.forEach((category, list) -> {
			assertThat(list).as(category).hasSizeGreaterThanOrEqualTo(40);
			assertThat(TrainingData.heldOut(list)).as(category).isNotEmpty();
		});
	}

	@Test
	void theSplitIsFixedByTheTextAloneSoReorderingTheFileChangesNothing() {
		List<Example> reversed = new java.util.ArrayList<>(examples);
		java.util.Collections.reverse(reversed);
		Function<List<Example>, List<String>> texts = (list) -> list.stream().map(Example::text).sorted().toList();
		assertThat(texts.apply(TrainingData.heldOut(reversed))).isEqualTo(texts.apply(TrainingData.heldOut(examples)));
		assertThat(TrainingData.heldOut(examples).size()).isBetween(examples.size() / 5, examples.size() / 3);
	}

	@Test
	void theReportShowsTheFiguresAndTheConfusionMatrix() {
		String report = evaluation.report();
		assertThat(report).contains("Department accuracy:", "Macro-F1", "URGENT recall:",
				"Confusion matrix (rows: expected, columns: predicted)");
		for (String label : evaluation.labels()) {
			assertThat(report).contains(label);
		}
		int diagonal = 0;
		for (int i = 0; i < evaluation.labels().size(); i++) {
			diagonal += evaluation.confusion()[i][i];
		}
		assertThat((double) diagonal / evaluation.examples()).isEqualTo(evaluation.categoryAccuracy());
	}

}
