package org.waystation.classifier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.waystation.classifier.Classification.Alternative;
import org.waystation.classifier.Classification.Explanation;
import org.waystation.classifier.Classification.FiredRule;
import org.waystation.classifier.Classification.WeightedTerm;
import org.waystation.classifier.SignalRules.Kind;
import org.waystation.classifier.SignalRules.Signal;
import org.waystation.events.Taxonomy;

/**
 * Classifies an appeal's text: three linear models (category, type, priority) read the
 * text's features, then the rules layer overrides them where it has a high-precision
 * signal. Immutable and thread-safe; retraining builds a new one.
 */
public final class AppealClassifier {

	public static final String OTHER = "OTHER";

	/** A second category at least this likely, in another department, assists. */
	static final double ASSIST_THRESHOLD = 0.25;

	/**
	 * The underlying problem of a legal-aid ask must be at least this likely to assist.
	 */
	static final double UNDERLYING_THRESHOLD = 0.10;

	/**
	 * The model alone makes an appeal URGENT from this probability on. In
	 * cross-validation on the examples the model alone finds 80 % of urgent appeals at
	 * 0.5 with 0.1 % false alarms, and 89 % at 0.25 with 0.8 %; but on the two
	 * independent sets 0.25 found no urgent appeal more and raised false alarms, so the
	 * rules carry recall and the model keeps 0.5.
	 */
	static final double URGENT_THRESHOLD = 0.5;

	/**
	 * How the model's probabilities become a decision, for the model version: the
	 * department by the sum of its categories' probabilities, then its likeliest
	 * category.
	 */
	static final String DECISION = "department-sum";

	/** Where the build puts the model of the shipped examples. */
	public static final String BUILT_MODEL = "/org/waystation/classifier/shipped.model";

	private static final String MODEL_FORMAT = "waystation-classifier-model/1";

	/** How sure a rule that decides the category is. */
	static final double RULE_CONFIDENCE = 0.9;

	private final TextFeatures features;

	private final SignalRules rules;

	private final LinearModel categories;

	private final LinearModel types;

	private final LinearModel priorities;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final String modelVersion;

	private final int exampleCount;

	private AppealClassifier(TextFeatures features, SignalRules rules, LinearModel categories, LinearModel types,
			LinearModel priorities, String modelVersion, int exampleCount) {
		this.features = features;
		this.rules = rules;
		this.categories = categories;
		this.types = types;
		this.priorities = priorities;
		this.modelVersion = modelVersion;
		this.exampleCount = exampleCount;
	}

	/**
	 * Trains the three models on the examples; the same examples give the same models.
	 */
	public static AppealClassifier train(List<Example> examples, SignalRules rules, TextFeatures features) {
		List<List<String>> documents = examples.stream().map((example) -> features.features(example.text())).toList();
		LinearModel categories = LinearModel.train(documents, examples.stream().map(Example::category).toList(),
				LinearModel.Settings.DEFAULT);
		LinearModel types = LinearModel.train(documents, examples.stream().map(Example::type).toList(),
				LinearModel.Settings.DEFAULT);
		LinearModel priorities = LinearModel.train(documents, examples.stream().map(Example::priority).toList(),
				LinearModel.Settings.DEFAULT);
		return new AppealClassifier(features, rules, categories, types, priorities,
				versionOf(examples, rules, features), examples.size());
	}

	/**
	 * Trains on the examples, unless the build already trained the model of exactly these
	 * examples, lexicon, rules and settings ({@value #BUILT_MODEL}, written by
	 * {@code ClassifierTool write-model} from the shipped examples): training gives the
	 * same model every time, so that one is read instead (in a service that starts on a
	 * busy machine, training takes seconds).
	 */
	public static AppealClassifier trainOrLoad(List<Example> examples, SignalRules rules, TextFeatures features) {
		String version = versionOf(examples, rules, features);
		try (InputStream in = AppealClassifier.class.getResourceAsStream(BUILT_MODEL)) {
			if (in != null) {
				Optional<AppealClassifier> built = read(in, version, rules, features);
				if (built.isPresent()) {
					return built.get();
				}
			}
		}
		catch (IOException ex) {
			// Not readable: trained instead, which gives the same model.
		}
		return train(examples, rules, features);
	}

	/** Writes the trained models, for {@link #read}. */
	public void write(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
		data.writeUTF(MODEL_FORMAT);
		data.writeUTF(this.modelVersion);
		data.writeInt(this.exampleCount);
		this.categories.write(data);
		this.types.write(data);
		this.priorities.write(data);
		data.flush();
	}

	/**
	 * Reads what {@link #write} wrote, if it is the model of the given version; empty if
	 * it is another's.
	 */
	static Optional<AppealClassifier> read(InputStream in, String version, SignalRules rules, TextFeatures features)
			throws IOException {
		DataInputStream data = new DataInputStream(new BufferedInputStream(in));
		if (!MODEL_FORMAT.equals(data.readUTF()) || !version.equals(data.readUTF())) {
			return Optional.empty();
		}
		int exampleCount = data.readInt();
		LinearModel categories = LinearModel.read(data);
		LinearModel types = LinearModel.read(data);
		LinearModel priorities = LinearModel.read(data);
		return Optional.of(new AppealClassifier(features, rules, categories, types, priorities, version, exampleCount));
	}

	public String modelVersion() {
		return this.modelVersion;
	}

	public String rulesVersion() {
		return this.rules.version();
	}

	public int exampleCount() {
		return this.exampleCount;
	}

	public int featureCount() {
		return this.categories.featureCount();
	}

	public TextFeatures textFeatures() {
		return this.features;
	}

	/**
	 * The most likely category among some (for example those of the department a triage
	 * officer chose), by the category model alone.
	 */
	public Optional<String> mostLikelyAmong(String text, java.util.Collection<String> candidates) {
		double[] p = this.categories.probabilities(this.features.features(text));
		String best = null;
		for (int i = 0; i < p.length; i++) {
			String category = this.categories.labels().get(i);
			if (candidates.contains(category) && (best == null || p[i] > probabilityOf(best, p))) {
				best = category;
			}
		}
		return Optional.ofNullable(best);
	}

	public Classification classify(String text) {
		String normalized = TextFeatures.normalize(text);
		TextFeatures.Analysis analysis = this.features.analyse(text);
		List<String> textFeatures = analysis.features();
		List<Signal> signals = this.rules.signals(normalized);
		double[] p = this.categories.probabilities(textFeatures);
		List<Integer> ranked = IntStream.range(0, p.length)
			.boxed()
			.sorted(Comparator.comparingDouble((Integer i) -> p[i]).reversed())
			.toList();
		Map<String, Double> byDepartment = departmentProbabilities(p);
		String likeliestDepartment = byDepartment.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow();
		// The department is what routing decides: its categories' probabilities add up.
		// The category is the likeliest of that department's.
		String modelBest = ranked.stream()
			.map(this.categories.labels()::get)
			.filter((candidate) -> departmentOf(candidate).equals(likeliestDepartment))
			.findFirst()
			.orElseThrow();

		Optional<Signal> decidingRule = signals.stream()
			.filter((signal) -> signal.category() != null
					&& (signal.kind() == Kind.EXPLICIT_ASK || signal.kind() == Kind.URGENT))
			.findFirst();
		String category = decidingRule.map(Signal::category).orElse(modelBest);
		String department = departmentOf(category);
		double categoryConfidence = decidingRule.isPresent() ? Math.max(RULE_CONFIDENCE, probabilityOf(category, p))
				: probabilityOf(category, p);
		double confidence = decidingRule.isPresent()
				? Math.max(RULE_CONFIDENCE, byDepartment.getOrDefault(department, 0.0)) : byDepartment.get(department);

		Set<String> assisting = new LinkedHashSet<>();
		for (int i : ranked) {
			String candidate = this.categories.labels().get(i);
			if (candidate.equals(category) || OTHER.equals(candidate)) {
				continue;
			}
			// Under an explicit ask, the underlying problem is the likeliest of the rest.
			double share = decidingRule.isPresent() ? p[i] / Math.max(1e-9, 1 - probabilityOf(category, p)) : p[i];
			double threshold = decidingRule.isPresent() ? UNDERLYING_THRESHOLD : ASSIST_THRESHOLD;
			if (share >= threshold && !departmentOf(candidate).equals(department)) {
				assisting.add(departmentOf(candidate));
			}
			break;
		}
		if (OTHER.equals(category)) {
			assisting.clear();
		}

		String type = signals.stream()
			.filter((signal) -> signal.kind() == Kind.TYPE)
			.map(Signal::type)
			.findFirst()
			.orElseGet(() -> best(this.types, this.types.probabilities(textFeatures)));
		double[] priority = this.priorities.probabilities(textFeatures);
		String modelPriority = best(this.priorities, priority);
		double urgentProbability = probabilityOf(this.priorities, "URGENT", priority);
		boolean urgentRule = signals.stream().anyMatch((signal) -> signal.kind() == Kind.URGENT);
		// A danger rule that saw its words and also what makes them harmless (a drill, a
		// course, a past accident, a question) knows better than the model's guess. Only
		// asked when there is a guess to overrule.
		Optional<String> lookAlike = (urgentRule || urgentProbability < URGENT_THRESHOLD) ? Optional.empty()
				: this.rules.urgentLookAlike(normalized);
		boolean urgentModel = urgentProbability >= URGENT_THRESHOLD && lookAlike.isEmpty();
		String finalPriority;
		if (urgentRule || urgentModel) {
			finalPriority = "URGENT";
		}
		else if (signals.stream().anyMatch((signal) -> signal.kind() == Kind.HIGH) || "HIGH".equals(modelPriority)) {
			finalPriority = "HIGH";
		}
		else if ("URGENT".equals(modelPriority)) {
			finalPriority = "HIGH";
		}
		else {
			finalPriority = modelPriority;
		}

		List<Alternative> alternatives = new ArrayList<>();
		alternatives.add(new Alternative(category, department, round(categoryConfidence)));
		for (int i : ranked) {
			String candidate = this.categories.labels().get(i);
			if (alternatives.size() < 3 && !candidate.equals(category)) {
				alternatives.add(new Alternative(candidate, departmentOf(candidate), round(p[i])));
			}
		}
		List<WeightedTerm> terms = topTerms(textFeatures, category);
		List<FiredRule> fired = signals.stream()
			.map((signal) -> new FiredRule(signal.ruleId(), signal.kind().name(), signal.zh(), signal.en(),
					signal.matched()))
			.toList();
		Explanation explanation = explain(category, department, List.copyOf(assisting), finalPriority,
				categoryConfidence, confidence, fired, terms, decidingRule, urgentRule ? Double.NaN : urgentProbability,
				lookAlike);
		return new Classification(category, department, List.copyOf(assisting), type, finalPriority, round(confidence),
				alternatives, explanation, analysis.words(), this.modelVersion, this.rules.version());
	}

	/**
	 * The decision in words.
	 * @param urgentProbability the model's probability of URGENT, or NaN when a rule made
	 * the appeal urgent
	 * @param lookAlike the danger rule that kept the model from making the appeal urgent
	 */
	private Explanation explain(String category, String department, List<String> assisting, String priority,
			double categoryConfidence, double confidence, List<FiredRule> fired, List<WeightedTerm> terms,
			Optional<Signal> decidingRule, double urgentProbability, Optional<String> lookAlike) {
		String categoryZh = this.taxonomy.category(category).map(Taxonomy.Entry::zh).orElse(category);
		String categoryEn = this.taxonomy.category(category).map(Taxonomy.Entry::en).orElse(category);
		String departmentZh = this.taxonomy.department(department).map(Taxonomy.Entry::zh).orElse(department);
		String departmentEn = this.taxonomy.department(department).map(Taxonomy.Entry::en).orElse(department);
		String percent = String.format(Locale.ROOT, "%.0f%%", categoryConfidence * 100);
		String departmentPercent = String.format(Locale.ROOT, "%.0f%%", confidence * 100);
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		if (decidingRule.isPresent()) {
			zh.append("规则“")
				.append(decidingRule.get().zh())
				.append("”命中（")
				.append(decidingRule.get().matched())
				.append("），");
			en.append("Rule \"")
				.append(decidingRule.get().en())
				.append("\" fired (")
				.append(decidingRule.get().matched())
				.append("); ");
		}
		zh.append("判为").append(categoryZh).append("（").append(category).append("，可能性 ").append(percent).append("）");
		en.append("classified as ")
			.append(categoryEn)
			.append(" (")
			.append(category)
			.append(", likelihood ")
			.append(percent)
			.append(")");
		if (!terms.isEmpty()) {
			String words = String.join("、", terms.stream().map((term) -> "“" + term.term() + "”").toList());
			zh.append("，权重最高的词：").append(words);
			en.append("; words that weighed most: ")
				.append(String.join(", ", terms.stream().map((term) -> "\"" + term.term() + "\"").toList()));
		}
		zh.append("；由").append(departmentZh).append("主办（部门置信度 ").append(departmentPercent).append("）");
		en.append("; led by the ")
			.append(departmentEn)
			.append(" (confidence in the department ")
			.append(departmentPercent)
			.append(")");
		if (!assisting.isEmpty()) {
			zh.append("，")
				.append(String.join("、",
						assisting.stream()
							.map((code) -> this.taxonomy.department(code).map(Taxonomy.Entry::zh).orElse(code))
							.toList()))
				.append("协办");
			en.append(", assisted by ")
				.append(String.join(", ",
						assisting.stream()
							.map((code) -> this.taxonomy.department(code).map(Taxonomy.Entry::en).orElse(code))
							.toList()));
		}
		List<FiredRule> priorityRules = fired.stream()
			.filter((rule) -> rule.kind().equals(priority)
					&& (decidingRule.isEmpty() || !rule.id().equals(decidingRule.get().ruleId())))
			.toList();
		String priorityZh = this.taxonomy.priority(priority).map(Taxonomy.Entry::zh).orElse(priority);
		zh.append("。优先级：").append(priorityZh);
		en.append(". Priority: ").append(priority);
		if (!priorityRules.isEmpty()) {
			zh.append("（规则：")
				.append(String.join("；",
						priorityRules.stream().map((rule) -> rule.zh() + "，" + rule.matched()).toList()))
				.append("）");
			en.append(" (rules: ")
				.append(String.join("; ",
						priorityRules.stream().map((rule) -> rule.en() + ", " + rule.matched()).toList()))
				.append(")");
		}
		else if (lookAlike.isPresent()) {
			String likely = String.format(Locale.ROOT, "%.0f%%", urgentProbability * 100);
			zh.append("（模型判断紧急的可能性为 ")
				.append(likely)
				.append("，但规则“")
				.append(lookAlike.get())
				.append("”识别出并非正在发生的危险，如演练、培训、往事或询问）");
			en.append(" (the model puts the chance that it is urgent at ")
				.append(likely)
				.append(", but rule \"")
				.append(lookAlike.get())
				.append("\" recognised no danger happening now: a drill, a course, a past event or a question)");
		}
		else if ("URGENT".equals(priority) && !Double.isNaN(urgentProbability)) {
			String likely = String.format(Locale.ROOT, "%.0f%%", urgentProbability * 100);
			String bar = String.format(Locale.ROOT, "%.0f%%", URGENT_THRESHOLD * 100);
			zh.append("（模型判断紧急的可能性为 ").append(likely).append("，达到 ").append(bar).append(" 即按紧急处理）");
			en.append(" (the model puts the chance that it is urgent at ")
				.append(likely)
				.append("; from ")
				.append(bar)
				.append(" on it is treated as urgent)");
		}
		zh.append("。");
		en.append(".");
		return new Explanation(fired, terms, zh.toString(), en.toString());
	}

	/**
	 * Each department's probability: the sum of its categories' (the taxonomy's default
	 * departments).
	 */
	private Map<String, Double> departmentProbabilities(double[] p) {
		Map<String, Double> byDepartment = new HashMap<>();
		for (int i = 0; i < p.length; i++) {
			byDepartment.merge(departmentOf(this.categories.labels().get(i)), p[i], Double::sum);
		}
		return byDepartment;
	}

	private String departmentOf(String category) {
		return this.taxonomy.category(category).map(Taxonomy.Entry::department).orElse(Taxonomy.TRIAGE);
	}

	private double probabilityOf(String category, double[] p) {
		int index = this.categories.labels().indexOf(category);
		return (index < 0) ? 0 : p[index];
	}

	private static double probabilityOf(LinearModel model, String label, double[] p) {
		int index = model.labels().indexOf(label);
		return (index < 0) ? 0 : p[index];
	}

	private static String best(LinearModel model, double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) {
			if (p[i] > p[best]) {
				best = i;
			}
		}
		return model.labels().get(best);
	}

	/**
	 * The words that weighed most towards the category: whole words (the segmenter's and
	 * the lexicon's) first, character bigrams only to fill up when there are fewer than
	 * three, and none shown inside another.
	 */
	private List<WeightedTerm> topTerms(List<String> textFeatures, String category) {
		List<LinearModel.Contribution> contributions = this.categories.contributions(textFeatures, category, 30);
		List<WeightedTerm> terms = new ArrayList<>();
		java.util.function.Predicate<WeightedTerm> distinct = distinctTerms();
		for (boolean bigrams : new boolean[] { false, true }) {
			for (LinearModel.Contribution contribution : contributions) {
				if (terms.size() >= (bigrams ? 3 : 5) || TextFeatures.isBigram(contribution.feature()) != bigrams) {
					continue;
				}
				TextFeatures.display(contribution.feature())
					.filter(AppealClassifier::telling)
					.map((term) -> new WeightedTerm(term, round(contribution.weight())))
					.filter(distinct)
					.ifPresent(terms::add);
			}
		}
		return terms;
	}

	private static final Set<String> FUNCTION_WORDS = Set.of("the", "and", "for", "was", "with", "not", "our", "you",
			"are", "but", "have", "has", "this", "that", "they", "from", "what", "who", "how", "can", "get", "got");

	/**
	 * A term worth showing: two Chinese characters or three letters or more, not a
	 * function word.
	 */
	private static boolean telling(String term) {
		boolean ascii = term.chars().allMatch((c) -> c < 128);
		return term.codePointCount(0, term.length()) >= (ascii ? 3 : 2) && !FUNCTION_WORDS.contains(term);
	}

	/** Drops a term already shown inside a longer one, and the reverse. */
	private static java.util.function.Predicate<WeightedTerm> distinctTerms() {
		List<String> seen = new ArrayList<>();
		return (term) -> {
			for (String other : seen) {
				if (other.contains(term.term()) || term.term().contains(other)) {
					return false;
				}
			}
			seen.add(term.term());
			return true;
		};
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/**
	 * The model's version: a SHA-256 hash (its first twelve hex digits) of everything
	 * that decides what it answers — the examples, the lexicon, the signal rules, the
	 * training settings and the thresholds — and the number of examples. A change to any
	 * of them gives a new version.
	 */
	static String versionOf(List<Example> examples, SignalRules rules, TextFeatures features) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
		for (Example example : examples) {
			digest.update((example.category() + '\t' + example.type() + '\t' + example.priority() + '\t'
					+ example.text() + '\n')
				.getBytes(StandardCharsets.UTF_8));
		}
		digest.update(features.fingerprint().getBytes(StandardCharsets.UTF_8));
		digest.update(rules.fingerprint().getBytes(StandardCharsets.UTF_8));
		digest
			.update((LinearModel.Settings.DEFAULT + "|" + DECISION + "|" + ASSIST_THRESHOLD + "|" + UNDERLYING_THRESHOLD
					+ "|" + URGENT_THRESHOLD + "|" + RULE_CONFIDENCE)
				.getBytes(StandardCharsets.UTF_8));
		return "model-" + HexFormat.of().formatHex(digest.digest(), 0, 6) + "-" + examples.size();
	}

}
