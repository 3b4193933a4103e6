package org.waystation.classifier;

import java.util.List;
import java.util.Map;
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
	void heldOutFiguresStayWithinTheRecordedFloors() {
		EvaluationFloors floors = EvaluationFloors.standard();

		assertThat(floors.shortfalls(evaluation)).isEmpty();
		assertThat(floors.urgentRecall()).isEqualTo(1.0);
		Evaluation worse = new Evaluation(evaluation.examples(), evaluation.categoryAccuracy(),
				floors.departmentAccuracy() - 0.01, evaluation.topChoiceAccuracy(), evaluation.macroF1(),
				evaluation.typeAccuracy(), evaluation.priorityAccuracy(), 0.9, evaluation.urgentPrecision(),
				evaluation.urgentExamples(), evaluation.labels(), evaluation.confusion(), evaluation.misses(),
				evaluation.scored(), evaluation.categoryCorrect(), evaluation.departmentCorrect(),
				evaluation.topChoiceCorrect(), evaluation.urgentFound(), evaluation.falseAlarms());
		assertThat(floors.shortfalls(worse)).hasSize(2)
			.anyMatch((s) -> s.startsWith("department accuracy"))
			.anyMatch((s) -> s.startsWith("URGENT recall"));
	}

	@Test
	void theIndependentCheckSetStaysWithinItsFloors() {
		List<Example> checkSet = TrainingData.checkSet();
		AppealClassifier inService = AppealClassifier.train(examples, SignalRules.standard(), new TextFeatures());
		Evaluation checked = Evaluation.of(inService, checkSet);
		System.out.print(checked.report(false));

		assertThat(checkSet).hasSizeGreaterThanOrEqualTo(300);
		assertThat(checkSet.stream().filter((e) -> e.text().matches("(?s).*[A-Za-z]{4,}.*")).count())
			.as("English and mixed-language appeals")
			.isGreaterThanOrEqualTo(50);
		assertThat(EvaluationFloors.checkSet().shortfalls(checked)).isEmpty();
	}

	@Test
	void noCheckSetAppealHasANearTwinAmongTheExamples() {
		List<java.util.Set<String>> shipped = examples.stream().map((e) -> TrainingData.shingles(e.text())).toList();
		for (Example appeal : TrainingData.checkSet()) {
			java.util.Set<String> checked = TrainingData.shingles(appeal.text());
			for (java.util.Set<String> example : shipped) {
				assertThat(TrainingData.overlap(checked, example)).as(appeal.text())
					.isLessThan(TrainingData.NEAR_DUPLICATE);
			}
		}
	}

	@Test
	void noHeldOutExampleHasANearTwinInTraining() {
		List<Example> heldOut = TrainingData.heldOut(examples);
		List<Example> training = TrainingData.training(examples);
		assertThat(heldOut.size() + training.size()).isEqualTo(examples.size());
		List<java.util.Set<String>> trained = training.stream().map((e) -> TrainingData.shingles(e.text())).toList();
		for (Example example : heldOut) {
			java.util.Set<String> held = TrainingData.shingles(example.text());
			for (java.util.Set<String> other : trained) {
				assertThat(TrainingData.overlap(held, other)).as(example.text())
					.isLessThan(TrainingData.NEAR_DUPLICATE);
			}
		}
		// Typo variants of one appeal fall on one side of the split together.
		assertThat(TrainingData.groupKeys(List.of(
				new Example("超时一分钟扣5块，商家出餐慢也算我的，这个规则太不合理了", "PLATFORM_RULES", "COMPLAINT", "NORMAL", "APP",
						Example.SHIPPED),
				new Example("超时一分钟扣五块 商家出餐慢也算我的 这规则太不合里了", "PLATFORM_RULES", "COMPLAINT", "NORMAL", "APP",
						Example.SHIPPED))))
			.containsOnly("超时一分钟扣5块，商家出餐慢也算我的，这个规则太不合理了");
		// In English too; but English texts do not group merely for sharing letter pairs.
		Function<String, Example> english = (text) -> new Example(text, "REST_STATION", "COMPLAINT", "NORMAL", "WEB",
				Example.SHIPPED);
		assertThat(TrainingData.groupKeys(List.of(
				english.apply("The rest station near the mall has no toilet and the charging sockets don't work."),
				english.apply("the rest stasion near the mall has no toilet and the charging sockets dont work"))))
			.containsOnly("The rest station near the mall has no toilet and the charging sockets don't work.");
		assertThat(TrainingData.groupKeys(List.of(
				english.apply("The rest station near the mall has no toilet and the charging sockets don't work."),
				english.apply("Someone in the rest station got an electric shock from the charging socket."))))
			.doesNotHaveDuplicates();
	}

	@Test
	void theIntervalAroundAProportionIsWilsons() {
		double[] interval = Evaluation.wilson(426, 474);
		assertThat(interval[0]).isBetween(0.867, 0.869);
		assertThat(interval[1]).isBetween(0.922, 0.924);
		assertThat(Evaluation.wilson(30, 30)[1]).isEqualTo(1.0);
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
		assertThat(report).contains("Department accuracy:", "Macro-F1", "URGENT recall:", "95 % CI", "False alarms:",
				"to triage", "routed confidently to the wrong department",
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
