package org.waystation.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.waystation.events.Taxonomy;

/**
 * How well a classifier does on labelled examples it was not trained on: category and
 * department accuracy (with 95 % Wilson intervals), macro-F1 over categories, a confusion
 * matrix, type and priority accuracy, the recall and precision of URGENT and its false
 * alarms, and at the routing threshold the share sent to triage and the share routed
 * confidently to the wrong department.
 *
 * @param departmentAccuracy the share routed to the right department as routing decides
 * at its threshold ({@link Classification#routedTo}): an appeal sent to the triage desk
 * counts as wrong unless it is truly unclear (labelled OTHER)
 * @param topChoiceAccuracy the share whose likeliest category belongs to the right
 * department, whatever the confidence
 * @param departmentCorrect how many were routed to the right department (the figure
 * floors count in)
 * @param urgentFound how many urgent examples were marked URGENT
 * @param falseAlarms how many examples not urgent were marked URGENT
 */
public record Evaluation(int examples, double categoryAccuracy, double departmentAccuracy, double topChoiceAccuracy,
		double macroF1, double typeAccuracy, double priorityAccuracy, double urgentRecall, double urgentPrecision,
		int urgentExamples, List<String> labels, int[][] confusion, List<Miss> misses, List<Scored> scored,
		int categoryCorrect, int departmentCorrect, int topChoiceCorrect, int urgentFound, int falseAlarms) {

	/** Routing's default: below this confidence an appeal goes to the triage desk. */
	public static final double ROUTING_THRESHOLD = 0.6;

	/** The share of examples not urgent that were marked URGENT. */
	public double falseAlarmRate() {
		int notUrgent = this.examples - this.urgentExamples;
		return (notUrgent == 0) ? 0 : (double) this.falseAlarms / notUrgent;
	}

	/** The share that routing would send to the triage desk (below the threshold). */
	public double triageRate() {
		return 1 - atThreshold(ROUTING_THRESHOLD)[0];
	}

	/**
	 * The share routed to a wrong department without the triage desk: a misroute nobody
	 * catches before the department returns it. One sent to triage is not one.
	 */
	public double confidentMisrouteRate() {
		long wrong = this.scored.stream().filter(Scored::misrouted).count();
		return (this.examples == 0) ? 0 : (double) wrong / this.examples;
	}

	/** The 95 % Wilson score interval of a proportion of {@code n}. */
	public static double[] wilson(int successes, int n) {
		if (n == 0) {
			return new double[] { 0, 1 };
		}
		double z = 1.96;
		double p = (double) successes / n;
		double denominator = 1 + z * z / n;
		double centre = (p + z * z / (2 * n)) / denominator;
		double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	/**
	 * One example's confidence, whether its likeliest category's department was right,
	 * whether routing sent it to the right department, and whether it sent it to a wrong
	 * one without the triage desk.
	 */
	public record Scored(double confidence, boolean rightDepartment, boolean routedRight, boolean misrouted) {

	}

	/**
	 * Below a confidence threshold appeals go to triage: the share that would be routed
	 * automatically, and the department accuracy among those.
	 */
	public double[] atThreshold(double threshold) {
		List<Scored> routed = this.scored.stream().filter((s) -> s.confidence() >= threshold).toList();
		double right = routed.stream().filter(Scored::rightDepartment).count();
		return new double[] { (double) routed.size() / Math.max(1, this.scored.size()),
				routed.isEmpty() ? 0 : right / routed.size() };
	}

	/** An example the classifier got wrong (category or URGENT). */
	public record Miss(String text, String expected, String predicted, String expectedPriority,
			String predictedPriority, double confidence) {

	}

	public static Evaluation of(AppealClassifier classifier, List<Example> examples) {
		return of((example) -> classifier, examples);
	}

	/** Each example classified by the classifier chosen for it (cross-validation). */
	public static Evaluation of(java.util.function.Function<Example, AppealClassifier> classifiers,
			List<Example> examples) {
		Taxonomy taxonomy = Taxonomy.standard();
		List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::category).toList()));
		int[][] confusion = new int[labels.size()][labels.size()];
		int category = 0;
		int department = 0;
		int topChoice = 0;
		int type = 0;
		int priority = 0;
		int urgentTrue = 0;
		int urgentFound = 0;
		int urgentPredicted = 0;
		List<Miss> misses = new ArrayList<>();
		List<Scored> scored = new ArrayList<>();
		for (Example example : examples) {
			Classification result = classifiers.apply(example).classify(example.text());
			int expected = labels.indexOf(example.category());
			int predicted = labels.indexOf(result.category());
			if (predicted >= 0) {
				confusion[expected][predicted]++;
			}
			String expectedDepartment = taxonomy.category(example.category()).orElseThrow().department();
			boolean rightCategory = example.category().equals(result.category());
			category += rightCategory ? 1 : 0;
			boolean rightDepartment = expectedDepartment.equals(result.department());
			List<String> routed = result.routedTo(ROUTING_THRESHOLD);
			boolean routedRight = routed.get(0).equals(expectedDepartment)
					|| (Taxonomy.TRIAGE.equals(expectedDepartment) && routed.contains(Taxonomy.TRIAGE));
			topChoice += rightDepartment ? 1 : 0;
			department += routedRight ? 1 : 0;
			scored.add(new Scored(result.confidence(), rightDepartment, routedRight,
					!routedRight && !routed.contains(Taxonomy.TRIAGE)));
			type += example.type().equals(result.appealType()) ? 1 : 0;
			priority += example.priority().equals(result.priority()) ? 1 : 0;
			boolean urgent = "URGENT".equals(example.priority());
			urgentTrue += urgent ? 1 : 0;
			urgentPredicted += result.urgent() ? 1 : 0;
			urgentFound += (urgent && result.urgent()) ? 1 : 0;
			if (!rightCategory || urgent != result.urgent()) {
				misses.add(new Miss(example.text(), example.category(), result.category(), example.priority(),
						result.priority(), result.confidence()));
			}
		}
		double f1 = 0;
		for (int i = 0; i < labels.size(); i++) {
			int tp = confusion[i][i];
			int actual = 0;
			int predictedCount = 0;
			for (int j = 0; j < labels.size(); j++) {
				actual += confusion[i][j];
				predictedCount += confusion[j][i];
			}
			double precision = (predictedCount == 0) ? 0 : (double) tp / predictedCount;
			double recall = (actual == 0) ? 0 : (double) tp / actual;
			f1 += (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
		}
		int n = examples.size();
		return new Evaluation(n, ratio(category, n), ratio(department, n), ratio(topChoice, n), f1 / labels.size(),
				ratio(type, n), ratio(priority, n), (urgentTrue == 0) ? 1 : ratio(urgentFound, urgentTrue),
				(urgentPredicted == 0) ? 1 : ratio(urgentFound, urgentPredicted), urgentTrue, labels, confusion, misses,
				scored, category, department, topChoice, urgentFound, urgentPredicted - urgentFound);
	}

	/** The report the evaluation command prints, with every miss. */
	public String report() {
		return report(true);
	}

	/**
	 * The report; without the misses for a set nobody may tune on (their texts would
	 * invite fixing them one by one).
	 */
	public String report(boolean listMisses) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "Examples evaluated:   %d%n", this.examples));
		double[] categoryInterval = wilson(this.categoryCorrect, this.examples);
		double[] departmentInterval = wilson(this.departmentCorrect, this.examples);
		double[] topChoiceInterval = wilson(this.topChoiceCorrect, this.examples);
		double[] urgentInterval = wilson(this.urgentFound, this.urgentExamples);
		out.append(String.format(Locale.ROOT, "Category accuracy:    %.1f %% (%d of %d; 95 %% CI %.1f–%.1f %%)%n",
				this.categoryAccuracy * 100, this.categoryCorrect, this.examples, categoryInterval[0] * 100,
				categoryInterval[1] * 100));
		out.append(String.format(Locale.ROOT,
				"Department accuracy:  %.1f %% (%d of %d; 95 %% CI %.1f–%.1f %%), as routed at the threshold %.1f: "
						+ "sent to triage counts as wrong unless the appeal is OTHER%n",
				this.departmentAccuracy * 100, this.departmentCorrect, this.examples, departmentInterval[0] * 100,
				departmentInterval[1] * 100, ROUTING_THRESHOLD));
		out.append(String.format(Locale.ROOT,
				"  by the top choice:  %.1f %% (%d of %d; 95 %% CI %.1f–%.1f %%), whatever the confidence%n",
				this.topChoiceAccuracy * 100, this.topChoiceCorrect, this.examples, topChoiceInterval[0] * 100,
				topChoiceInterval[1] * 100));
		out.append(String.format(Locale.ROOT, "Macro-F1 (category):  %.3f%n", this.macroF1));
		out.append(String.format(Locale.ROOT, "Type accuracy:        %.1f %%%n", this.typeAccuracy * 100));
		out.append(String.format(Locale.ROOT, "Priority accuracy:    %.1f %%%n", this.priorityAccuracy * 100));
		out.append(String.format(Locale.ROOT,
				"URGENT recall:        %.1f %% (%d of %d urgent examples; 95 %% CI %.1f–%.1f %%), precision %.1f %%%n",
				this.urgentRecall * 100, this.urgentFound, this.urgentExamples, urgentInterval[0] * 100,
				urgentInterval[1] * 100, this.urgentPrecision * 100));
		out.append(String.format(Locale.ROOT, "False alarms:         %.1f %% (%d of %d not urgent marked URGENT)%n",
				falseAlarmRate() * 100, this.falseAlarms, this.examples - this.urgentExamples));
		out.append(String.format(Locale.ROOT,
				"At routing's threshold %.1f: %.1f %% to triage, %.1f %% routed confidently "
						+ "to the wrong department%n",
				ROUTING_THRESHOLD, triageRate() * 100, confidentMisrouteRate() * 100));
		out.append(String.format(Locale.ROOT,
				"%nConfidence threshold: share routed automatically, department accuracy among them%n"));
		for (double threshold : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7 }) {
			double[] at = atThreshold(threshold);
			out.append(String.format(Locale.ROOT, "  >= %.1f: %5.1f %% routed, %5.1f %% right%n", threshold,
					at[0] * 100, at[1] * 100));
		}
		out.append(String.format(Locale.ROOT, "%nConfusion matrix (rows: expected, columns: predicted)%n"));
		out.append(String.format(Locale.ROOT, "%-20s", ""));
		for (int j = 0; j < this.labels.size(); j++) {
			out.append(String.format(Locale.ROOT, "%4s", abbreviation(j)));
		}
		out.append(System.lineSeparator());
		for (int i = 0; i < this.labels.size(); i++) {
			out.append(String.format(Locale.ROOT, "%-16s %3s", this.labels.get(i), abbreviation(i)));
			for (int j = 0; j < this.labels.size(); j++) {
				out.append(String.format(Locale.ROOT, "%4s", (this.confusion[i][j] == 0) ? "." : this.confusion[i][j]));
			}
			out.append(System.lineSeparator());
		}
		if (!this.misses.isEmpty() && !listMisses) {
			out.append(String.format(Locale.ROOT,
					"%n%d misclassified (category or URGENT), not listed: this set is not " + "for tuning%n",
					this.misses.size()));
		}
		else if (!this.misses.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%nMisclassified (expected -> predicted, priority, confidence)%n"));
			for (Miss miss : this.misses) {
				out.append(String.format(Locale.ROOT, "  %s -> %s  %s -> %s  %.2f  %s%n", miss.expected(),
						miss.predicted(), miss.expectedPriority(), miss.predictedPriority(), miss.confidence(),
						miss.text()));
			}
		}
		return out.toString();
	}

	private String abbreviation(int index) {
		return "c" + index;
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

}
