package org.waystation.classifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The classifier's command line: {@code evaluate} trains on the training split and prints
 * the held-out report; {@code benchmark} measures training time and the latency and
 * throughput of classifying one appeal; {@code classify TEXT} shows one decision;
 * {@code write-model FILE} writes the model of the shipped examples.
 */
public final class ClassifierTool {

	private ClassifierTool() {
	}

	public static void main(String[] args) throws Exception {
		String command = (args.length == 0) ? "evaluate" : args[0];
		switch (command) {
			case "evaluate" -> evaluate();
			case "cross-validate" -> crossValidate();
			case "benchmark" -> benchmark((args.length > 1) ? Integer.parseInt(args[1]) : 20);
			case "classify" -> classify(String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
			case "write-model" -> {
				if (args.length < 2) {
					System.err.println("Usage: write-model FILE [WHAT IT IS BUILT FROM...]");
					System.exit(2);
				}
				writeModel(Path.of(args[1]), Arrays.stream(args).skip(2).map(Path::of).toList());
			}
			default -> {
				System.err.println(
						"Usage: evaluate | cross-validate | benchmark [seconds] | classify TEXT | write-model FILE");
				System.exit(2);
			}
		}
	}

	private static void evaluate() {
		List<Example> examples = TrainingData.shipped();
		List<Example> training = TrainingData.training(examples);
		List<Example> heldOut = TrainingData.heldOut(examples);
		long start = System.nanoTime();
		AppealClassifier classifier = AppealClassifier.train(training, SignalRules.standard(), new TextFeatures());
		long trainedIn = System.nanoTime() - start;
		System.out.printf(Locale.ROOT, "Trained %s on %d examples (%d features) in %d ms; rules %s%n",
				classifier.modelVersion(), training.size(), classifier.featureCount(),
				TimeUnit.NANOSECONDS.toMillis(trainedIn), classifier.rulesVersion());
		System.out.print(Evaluation.of(classifier, heldOut).report());
		AppealClassifier inService = AppealClassifier.train(examples, SignalRules.standard(), new TextFeatures());
		List<Example> checkSet = TrainingData.checkSet();
		System.out.printf(Locale.ROOT,
				"%n== Independent check set (check-set.tsv, never trained or tuned on): "
						+ "%d appeals, the model trained on every example as in service (%s) ==%n",
				checkSet.size(), inService.modelVersion());
		System.out.print(Evaluation.of(inService, checkSet).report(false));
	}

	/**
	 * Four-fold cross-validation on the training split only, for tuning the lexicon and
	 * the rules without looking at the held-out examples.
	 */
	private static void crossValidate() {
		List<Example> training = TrainingData.training(TrainingData.shipped());
		TextFeatures features = new TextFeatures();
		List<Example> all = new ArrayList<>();
		List<AppealClassifier> models = new ArrayList<>();
		List<Integer> folds = TrainingData.folds(training, 4);
		for (int fold = 0; fold < 4; fold++) {
			List<Example> train = new ArrayList<>();
			for (int i = 0; i < training.size(); i++) {
				if (folds.get(i) != fold) {
					train.add(training.get(i));
				}
			}
			models.add(AppealClassifier.train(train, SignalRules.standard(), features));
		}
		Map<Example, AppealClassifier> assignment = new LinkedHashMap<>();
		for (int i = 0; i < training.size(); i++) {
			assignment.put(training.get(i), models.get(folds.get(i)));
		}
		all.addAll(assignment.keySet());
		System.out.print(Evaluation.of(assignment::get, all).report());
	}

	/**
	 * Trains on every shipped example, as a service does, and writes the model (the build
	 * puts it in the jar, see {@link AppealClassifier#trainOrLoad}); unless the file is
	 * newer than every other file it is built from (the classes and examples, the build
	 * files), so that a build with no change leaves the jar, and the services' jars, as
	 * they were.
	 */
	private static void writeModel(Path file, List<Path> builtFrom) throws IOException {
		if (!builtFrom.isEmpty() && upToDate(file, builtFrom)) {
			System.out.println("Model up to date: " + file);
			return;
		}
		long start = System.nanoTime();
		AppealClassifier classifier = AppealClassifier.train(TrainingData.shipped(), SignalRules.standard(),
				new TextFeatures());
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(part)) {
			classifier.write(out);
		}
		Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.printf(Locale.ROOT, "Wrote %s (%d examples, %d features) to %s in %d ms%n",
				classifier.modelVersion(), classifier.exampleCount(), classifier.featureCount(), file,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	private static boolean upToDate(Path file, List<Path> builtFrom) throws IOException {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		FileTime written = Files.getLastModifiedTime(file);
		for (Path source : builtFrom) {
			try (Stream<Path> files = Files.walk(source)) {
				for (Path other : files.filter(Files::isRegularFile).toList()) {
					if (!other.toAbsolutePath().equals(file.toAbsolutePath())
							&& Files.getLastModifiedTime(other).compareTo(written) >= 0) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private static void classify(String text) {
		AppealClassifier classifier = AppealClassifier.train(TrainingData.shipped(), SignalRules.standard(),
				new TextFeatures());
		Classification result = classifier.classify(text);
		System.out.println(result.explanation().zh());
		System.out.println(result.explanation().en());
		System.out.println(result);
	}

	/**
	 * Training time (cold, then warm), then single-thread latency per appeal over the
	 * held-out texts for the given seconds after a warm-up, then throughput with one
	 * thread per core.
	 */
	private static void benchmark(int seconds) throws Exception {
		List<Example> examples = TrainingData.shipped();
		TextFeatures features = new TextFeatures();
		long[] trainings = new long[5];
		AppealClassifier classifier = null;
		for (int i = 0; i < trainings.length; i++) {
			long start = System.nanoTime();
			classifier = AppealClassifier.train(examples, SignalRules.standard(), features);
			trainings[i] = System.nanoTime() - start;
		}
		System.out.printf(Locale.ROOT, "Training on %d examples: first %d ms, then %s ms%n", examples.size(),
				TimeUnit.NANOSECONDS.toMillis(trainings[0]),
				Arrays.toString(Arrays.stream(trainings).skip(1).map(TimeUnit.NANOSECONDS::toMillis).toArray()));
		List<String> texts = examples.stream().map(Example::text).toList();
		AppealClassifier model = classifier;
		long warmUpUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(2, seconds / 4));
		for (int i = 0; System.nanoTime() < warmUpUntil; i++) {
			model.classify(texts.get(i % texts.size()));
		}
		long[] latencies = new long[4_000_000];
		int count = 0;
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long started = System.nanoTime();
		while (System.nanoTime() < until && count < latencies.length) {
			long start = System.nanoTime();
			model.classify(texts.get(count % texts.size()));
			latencies[count++] = System.nanoTime() - start;
		}
		long elapsed = System.nanoTime() - started;
		long[] sorted = Arrays.copyOf(latencies, count);
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"One thread: %d classifications in %.1f s = %.0f/s; latency p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
				count, elapsed / 1e9, count / (elapsed / 1e9), millis(sorted, 0.50), millis(sorted, 0.99),
				millis(sorted, 0.999), sorted[count - 1] / 1e6);
		int threads = Runtime.getRuntime().availableProcessors();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long parallelUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(2, seconds / 2));
		long parallelStart = System.nanoTime();
		List<Future<Integer>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t;
			done.add(pool.submit(() -> {
				int n = 0;
				while (System.nanoTime() < parallelUntil) {
					model.classify(texts.get((offset + n) % texts.size()));
					n++;
				}
				return n;
			}));
		}
		int total = 0;
		for (Future<Integer> future : done) {
			total += future.get();
		}
		pool.shutdown();
		double parallelSeconds = (System.nanoTime() - parallelStart) / 1e9;
		System.out.printf(Locale.ROOT, "%d threads: %.0f classifications/s%n", threads, total / parallelSeconds);
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
