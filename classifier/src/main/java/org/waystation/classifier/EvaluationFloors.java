package org.waystation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The figures a classifier must reach on the held-out split ({@code
 * evaluation-floor.properties}): the build fails below them, and routing puts no
 * retrained model in service that falls below them. The independent check set has floors
 * of its own ({@code check-set.*}), which only the build checks.
 */
public record EvaluationFloors(double departmentAccuracy, double urgentRecall, double falseAlarmRateAtMost,
		double confidentMisrouteRateAtMost) {

	static final String RESOURCE = "/org/waystation/classifier/evaluation-floor.properties";

	public static EvaluationFloors standard() {
		return read("");
	}

	/** The floors of the independent check set ({@code check-set.*}). */
	public static EvaluationFloors checkSet() {
		return read("check-set.");
	}

	private static EvaluationFloors read(String prefix) {
		Properties floor = new Properties();
		try (InputStream in = EvaluationFloors.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			floor.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EvaluationFloors(Double.parseDouble(floor.getProperty(prefix + "department-accuracy")),
				Double.parseDouble(floor.getProperty(prefix + "urgent-recall")),
				Double.parseDouble(floor.getProperty(prefix + "false-alarm-rate-at-most")),
				Double.parseDouble(floor.getProperty(prefix + "confident-misroute-rate-at-most")));
	}

	/** What falls short, in words; empty when every floor holds. */
	public List<String> shortfalls(Evaluation evaluation) {
		List<String> shortfalls = new ArrayList<>();
		if (evaluation.departmentAccuracy() < this.departmentAccuracy) {
			shortfalls.add(String.format(Locale.ROOT, "department accuracy %.1f %% is below the floor of %.1f %%",
					evaluation.departmentAccuracy() * 100, this.departmentAccuracy * 100));
		}
		if (evaluation.urgentRecall() < this.urgentRecall) {
			shortfalls.add(String.format(Locale.ROOT, "URGENT recall %.1f %% is below the floor of %.1f %%",
					evaluation.urgentRecall() * 100, this.urgentRecall * 100));
		}
		if (evaluation.falseAlarmRate() > this.falseAlarmRateAtMost) {
			shortfalls.add(String.format(Locale.ROOT, "false alarms %.1f %% are above the ceiling of %.1f %%",
					evaluation.falseAlarmRate() * 100, this.falseAlarmRateAtMost * 100));
		}
		if (evaluation.confidentMisrouteRate() > this.confidentMisrouteRateAtMost) {
			shortfalls.add(String.format(Locale.ROOT, "confident misroutes %.1f %% are above the ceiling of %.1f %%",
					evaluation.confidentMisrouteRate() * 100, this.confidentMisrouteRateAtMost * 100));
		}
		return shortfalls;
	}

}
