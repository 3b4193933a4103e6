package org.waystation.classifier;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppealClassifierTest {

	static AppealClassifier classifier;

	@BeforeAll
	static void train() {
		classifier = AppealClassifier.train(TrainingData.shipped(), SignalRules.standard(), new TextFeatures());
	}

	@Test
	void theModelTheBuildWroteIsTheOneTrainingGivesAndIsOnlyReadForItsExamples() throws Exception {
		List<Example> shipped = TrainingData.shipped();
		AppealClassifier built = AppealClassifier.trainOrLoad(shipped, SignalRules.standard(), new TextFeatures());
		assertThat(built).as("read, not trained").isNotSameAs(classifier);
		assertThat(built.modelVersion()).isEqualTo(classifier.modelVersion());
		assertThat(built.featureCount()).isEqualTo(classifier.featureCount());
		List<String> texts = java.util.stream.Stream
			.concat(shipped.stream().map(Example::text), TrainingData.checkSet().stream().map(Example::text))
			.toList();
		for (int i = 0; i < texts.size(); i += 7) {
			assertThat(built.classify(texts.get(i))).as(texts.get(i)).isEqualTo(classifier.classify(texts.get(i)));
		}
		try (java.io.InputStream in = AppealClassifier.class.getResourceAsStream(AppealClassifier.BUILT_MODEL)) {
			assertThat(in).as("the model the build wrote").isNotNull();
			String other = AppealClassifier.versionOf(shipped.subList(1, shipped.size()), SignalRules.standard(),
					new TextFeatures());
			assertThat(AppealClassifier.read(in, other, SignalRules.standard(), new TextFeatures())).isEmpty();
		}
	}

	@Test
	void aWrittenModelReadsBackAsTheSameModel() throws Exception {
		List<Example> some = TrainingData.shipped().subList(0, 400);
		AppealClassifier trained = AppealClassifier.train(some, SignalRules.standard(), new TextFeatures());
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		trained.write(out);
		AppealClassifier read = AppealClassifier
			.read(new java.io.ByteArrayInputStream(out.toByteArray()), trained.modelVersion(), SignalRules.standard(),
					new TextFeatures())
			.orElseThrow();
		assertThat(read.exampleCount()).isEqualTo(400);
		for (Example example : TrainingData.shipped().subList(400, 500)) {
			assertThat(read.classify(example.text())).isEqualTo(trained.classify(example.text()));
		}
	}

	@Test
	void classifiesExplainsAndRanksTheAlternatives() {
		Classification result = classifier.classify("站点拖欠我两个月的配送费，站长电话也不接");
		assertThat(result.category()).isEqualTo("WAGE_ARREARS");
		assertThat(result.department()).isEqualTo("HRSS");
		assertThat(result.priority()).isEqualTo("HIGH");
		assertThat(result.alternatives()).hasSize(3);
		assertThat(result.alternatives().get(0).category()).isEqualTo("WAGE_ARREARS");
		assertThat(result.alternatives().get(1).score()).isLessThanOrEqualTo(result.alternatives().get(0).score());
		assertThat(result.explanation().terms()).isNotEmpty();
		assertThat(result.explanation().zh()).contains("欠薪与工资报酬", "人力资源和社会保障局");
		assertThat(result.explanation().en()).contains("Human Resources and Social Security Bureau");
		assertThat(result.explanation().rules()).extracting(Classification.FiredRule::id).contains("wage-arrears");
	}

	@Test
	void theConfidenceIsTheDepartmentsItsCategoriesAddedUp() {
		// Wages or a labour dispute: two categories of one agency share the probability.
		Classification result = classifier.classify("老板说的那个补的钱还有那个证的事");
		double sameDepartment = result.alternatives()
			.stream()
			.filter((alternative) -> alternative.department().equals(result.department()))
			.mapToDouble(Classification.Alternative::score)
			.sum();
		assertThat(result.alternatives().get(1).department()).isEqualTo(result.department());
		assertThat(result.confidence()).isGreaterThanOrEqualTo(sameDepartment - 0.001)
			.isGreaterThan(result.alternatives().get(0).score());
		assertThat(result.alternatives().get(0).category()).isEqualTo(result.category());
		assertThat(result.explanation().zh()).contains("部门置信度 " + Math.round(result.confidence() * 100) + "%");
		assertThat(result.explanation().en())
			.contains("confidence in the department " + Math.round(result.confidence() * 100) + "%");
	}

	@Test
	void aDangerRuleThatRecognisesALookAlikeOverridesTheModelsGuess() {
		// The model alone reads smoke and fire as urgent; the fire rule knows a drill.
		Classification result = classifier.classify("Our station's fire drill is on Friday, will there be real smoke?");
		assertThat(result.urgent()).isFalse();
		assertThat(result.explanation().en()).contains("rule \"fire-hazard\" recognised no danger happening now");
		assertThat(result.explanation().zh()).contains("规则“fire-hazard”识别出并非正在发生的危险");
	}

	@Test
	void anExplicitLegalAidAskLeadsWithJusticeAndTheUnderlyingProblemAssists() {
		Classification result = classifier.classify("公司拖欠工资半年不给，仲裁也赢了，我想申请法律援助帮我强制执行");
		assertThat(result.category()).isEqualTo("LEGAL_AID");
		assertThat(result.department()).isEqualTo("JUSTICE");
		assertThat(result.assistingDepartments()).containsExactly("HRSS");
		assertThat(result.confidence()).isGreaterThanOrEqualTo(0.9);
		assertThat(result.explanation().zh()).contains("明确要求法律援助或律师", "协办");
	}

	@Test
	void urgentSignalsMakeTheAppealUrgentAndSayWhy() {
		Classification result = classifier.classify("送餐路上被车撞了，现在躺在地上动不了，腿在流血");
		assertThat(result.priority()).isEqualTo("URGENT");
		assertThat(result.urgent()).isTrue();
		assertThat(result.explanation().rules()).extracting(Classification.FiredRule::id).contains("injury-now");
		Classification group = classifier.classify("我们站点二十多个骑手三个月没发工资了");
		assertThat(group.priority()).isEqualTo("URGENT");
		assertThat(group.category()).isEqualTo("WAGE_ARREARS");
	}

	@Test
	void englishAppealsAreClassifiedToo() {
		assertThat(classifier.classify("The landlord refuses to return my deposit after I moved out").category())
			.isEqualTo("HOUSING");
		assertThat(classifier.classify("My e-bike was confiscated by traffic police for having no licence plate")
			.department()).isEqualTo("TRAFFIC_POLICE");
	}

	@Test
	void textOutsideEveryRemitGoesToTriage() {
		Classification result = classifier.classify("请问附近哪里有好吃的火锅");
		assertThat(result.category()).isEqualTo("OTHER");
		assertThat(result.department()).isEqualTo("TRIAGE");
		assertThat(result.assistingDepartments()).isEmpty();
	}

	@Test
	void theSameExamplesGiveTheSameModelAndVersion() {
		AppealClassifier again = AppealClassifier.train(TrainingData.shipped(), SignalRules.standard(),
				classifier.textFeatures());
		String text = "驿站的饮水机坏了一个星期";
		assertThat(again.modelVersion()).isEqualTo(classifier.modelVersion());
		assertThat(again.classify(text)).isEqualTo(classifier.classify(text));
		List<Example> more = new java.util.ArrayList<>(TrainingData.shipped());
		more.add(new Example("蓝鲸计划归谁管", "UNION_SERVICE", "CONSULTATION", "NORMAL", "WEB", Example.TRIAGE));
		assertThat(AppealClassifier.train(more, SignalRules.standard(), classifier.textFeatures()).modelVersion())
			.isNotEqualTo(classifier.modelVersion());
	}

	@Test
	void itsVersionChangesWithTheExamplesTheLexiconAndTheRules() {
		List<Example> some = TrainingData.shipped().subList(0, 200);
		SignalRules rules = SignalRules.standard();
		Lexicon lexicon = Lexicon.standard();
		String version = AppealClassifier.train(some, rules, new TextFeatures(lexicon)).modelVersion();
		java.util.Map<String, List<String>> fewerWords = new java.util.LinkedHashMap<>(lexicon.categories());
		String first = fewerWords.keySet().iterator().next();
		fewerWords.put(first, fewerWords.get(first).subList(1, fewerWords.get(first).size()));
		SignalRules fewerRules = new SignalRules(rules.version(), rules.rules().subList(1, rules.rules().size()),
				rules.groupSize());

		assertThat(AppealClassifier.train(some, rules, new TextFeatures(lexicon)).modelVersion()).isEqualTo(version);
		assertThat(AppealClassifier.train(some.subList(0, 199), rules, new TextFeatures(lexicon)).modelVersion())
			.isNotEqualTo(version);
		assertThat(AppealClassifier.train(some, rules, new TextFeatures(new Lexicon(lexicon.version(), fewerWords)))
			.modelVersion()).isNotEqualTo(version);
		assertThat(AppealClassifier.train(some, fewerRules, new TextFeatures(lexicon)).modelVersion())
			.isNotEqualTo(version);
	}

}
