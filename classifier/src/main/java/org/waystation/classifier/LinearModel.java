package org.waystation.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over counted features (a feature listed twice counts
 * twice), each document's vector scaled to unit length. Chosen over a black-box
 * categorizer because every decision must explain itself: a feature's contribution to a
 * class is its weight, so the words that weighed most can be shown to the triage desk.
 * Trained by stochastic gradient descent with AdaGrad step sizes and L2 regularisation,
 * in a fixed order (seeded shuffle) so the same examples always give the same model.
 * Immutable once trained; thread-safe.
 */
public final class LinearModel {

	private final List<String> labels;

	private final Map<String, Integer> featureIndex;

	/** Row-major: {@code weights[feature * classes + label]}. */
	private final float[] weights;

	private final float[] bias;

	private LinearModel(List<String> labels, Map<String, Integer> featureIndex, float[] weights, float[] bias) {
		this.labels = List.copyOf(labels);
		this.featureIndex = featureIndex;
		this.weights = weights;
		this.bias = bias;
	}

	/** Training settings; {@link #DEFAULT} suits a few thousand short texts. */
	public record Settings(int epochs, double learningRate, double l2, long seed) {

		public static final Settings DEFAULT = new Settings(30, 0.5, 1e-5, 20261126L);

	}

	public static LinearModel train(List<List<String>> documents, List<String> documentLabels, Settings settings) {
		if (documents.size() != documentLabels.size() || documents.isEmpty()) {
			throw new IllegalArgumentException("Training needs one label per document and at least one document");
		}
		List<String> labels = documentLabels.stream().distinct().sorted().toList();
		Map<String, Integer> labelIndex = new HashMap<>();
		labels.forEach((label) -> labelIndex.put(label, labelIndex.size()));
		Map<String, Integer> featureIndex = new HashMap<>();
		Vector[] docs = new Vector[documents.size()];
		for (int d = 0; d < documents.size(); d++) {
			docs[d] = Vector.of(documents.get(d),
					(feature) -> featureIndex.computeIfAbsent(feature, (f) -> featureIndex.size()));
		}
		int classes = labels.size();
		float[] weights = new float[featureIndex.size() * classes];
		float[] squared = new float[weights.length];
		float[] bias = new float[classes];
		float[] biasSquared = new float[classes];
		int[] order = new int[docs.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Random random = new Random(settings.seed());
		double[] probabilities = new double[classes];
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			shuffle(order, random);
			for (int d : order) {
				Vector doc = docs[d];
				if (doc.indices().length == 0) {
					continue;
				}
				softmax(doc, weights, bias, classes, probabilities);
				int truth = labelIndex.get(documentLabels.get(d));
				for (int c = 0; c < classes; c++) {
					double gradient = probabilities[c] - ((c == truth) ? 1.0 : 0.0);
					biasSquared[c] += (float) (gradient * gradient);
					bias[c] -= (float) (settings.learningRate() * gradient / Math.sqrt(biasSquared[c] + 1e-8));
					for (int i = 0; i < doc.indices().length; i++) {
						int at = doc.indices()[i] * classes + c;
						double g = gradient * doc.values()[i] + settings.l2() * weights[at];
						squared[at] += (float) (g * g);
						weights[at] -= (float) (settings.learningRate() * g / Math.sqrt(squared[at] + 1e-8));
					}
				}
			}
		}
		return new LinearModel(labels, featureIndex, weights, bias);
	}

	/** Writes the model so that {@link #read} gives back exactly the same one. */
	void write(DataOutputStream out) throws IOException {
		out.writeInt(this.labels.size());
		for (String label : this.labels) {
			out.writeUTF(label);
		}
		String[] features = new String[this.featureIndex.size()];
		this.featureIndex.forEach((feature, index) -> features[index] = feature);
		out.writeInt(features.length);
		for (String feature : features) {
			out.writeUTF(feature);
		}
		for (float weight : this.weights) {
			out.writeFloat(weight);
		}
		for (float b : this.bias) {
			out.writeFloat(b);
		}
	}

	/** Reads a model {@link #write} wrote. */
	static LinearModel read(DataInputStream in) throws IOException {
		int classes = in.readInt();
		if (classes <= 0 || classes > 10_000) {
			throw new IOException("Not a model: " + classes + " labels");
		}
		List<String> labels = new ArrayList<>(classes);
		for (int c = 0; c < classes; c++) {
			labels.add(in.readUTF());
		}
		int featureCount = in.readInt();
		if (featureCount < 0 || featureCount > 10_000_000 / classes) {
			throw new IOException("Not a model: " + featureCount + " features");
		}
		Map<String, Integer> featureIndex = new HashMap<>(featureCount * 2);
		for (int f = 0; f < featureCount; f++) {
			featureIndex.put(in.readUTF(), f);
		}
		float[] weights = new float[featureCount * classes];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = in.readFloat();
		}
		float[] bias = new float[classes];
		for (int c = 0; c < classes; c++) {
			bias[c] = in.readFloat();
		}
		return new LinearModel(labels, featureIndex, weights, bias);
	}

	public List<String> labels() {
		return this.labels;
	}

	/**
	 * Probability of each label, in {@link #labels()} order. Unknown features are
	 * ignored.
	 */
	public double[] probabilities(List<String> features) {
		double[] probabilities = new double[this.labels.size()];
		softmax(known(features), this.weights, this.bias, this.labels.size(), probabilities);
		return probabilities;
	}

	/**
	 * How much each known feature pushed the text towards a label rather than the average
	 * label, largest first; only features that pushed towards it.
	 */
	public List<Contribution> contributions(List<String> features, String label, int limit) {
		int c = this.labels.indexOf(label);
		if (c < 0) {
			return List.of();
		}
		int classes = this.labels.size();
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		for (String feature : features) {
			if (this.featureIndex.containsKey(feature)) {
				counts.merge(feature, 1, Integer::sum);
			}
		}
		double norm = Math.sqrt(counts.values().stream().mapToDouble((n) -> (double) n * n).sum());
		List<Contribution> contributions = new ArrayList<>();
		for (Map.Entry<String, Integer> entry : counts.entrySet()) {
			int f = this.featureIndex.get(entry.getKey());
			double x = (float) (entry.getValue() / norm);
			double mean = 0;
			for (int k = 0; k < classes; k++) {
				mean += this.weights[f * classes + k];
			}
			mean /= classes;
			double weight = (this.weights[f * classes + c] - mean) * x;
			if (weight > 0) {
				contributions.add(new Contribution(entry.getKey(), weight));
			}
		}
		contributions.sort(Comparator.comparingDouble(Contribution::weight).reversed());
		return contributions.subList(0, Math.min(limit, contributions.size()));
	}

	/** How many distinct features the model knows. */
	public int featureCount() {
		return this.featureIndex.size();
	}

	/** A feature and how much it weighed. */
	public record Contribution(String feature, double weight) {

	}

	private Vector known(List<String> features) {
		return Vector.of(features.stream().filter(this.featureIndex::containsKey).toList(), this.featureIndex::get);
	}

	/** A document's features as indices and unit-length values. */
	private record Vector(int[] indices, float[] values) {

		static Vector of(List<String> features, java.util.function.ToIntFunction<String> index) {
			Map<Integer, Integer> counts = new java.util.LinkedHashMap<>();
			for (String feature : features) {
				counts.merge(index.applyAsInt(feature), 1, Integer::sum);
			}
			double norm = Math.sqrt(counts.values().stream().mapToDouble((n) -> (double) n * n).sum());
			int[] indices = new int[counts.size()];
			float[] values = new float[counts.size()];
			int i = 0;
			for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
				indices[i] = entry.getKey();
				values[i++] = (float) (entry.getValue() / norm);
			}
			return new Vector(indices, values);
		}

	}

	private static void softmax(Vector doc, float[] weights, float[] bias, int classes, double[] out) {
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < classes; c++) {
			double logit = bias[c];
			for (int i = 0; i < doc.indices().length; i++) {
				logit += weights[doc.indices()[i] * classes + c] * doc.values()[i];
			}
			out[c] = logit;
			max = Math.max(max, logit);
		}
		double sum = 0;
		for (int c = 0; c < classes; c++) {
			out[c] = Math.exp(out[c] - max);
			sum += out[c];
		}
		for (int c = 0; c < classes; c++) {
			out[c] /= sum;
		}
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}

}
