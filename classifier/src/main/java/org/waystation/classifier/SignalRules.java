package org.waystation.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waystation.events.Taxonomy;

/**
 * The rules layer: high-precision signals the models must not be left to guess, as data
 * ({@code signal-rules.json}). A rule fires when each of its {@code when} groups has a
 * pattern that matches and none of its {@code unless} patterns does; patterns are regular
 * expressions over the normalised text. Kinds:
 * <ul>
 * <li>{@code EXPLICIT_ASK} makes its category primary (the problem underneath assists);
 * <li>{@code URGENT} and {@code HIGH} set the priority (an URGENT rule may name the
 * category it implies);
 * <li>{@code TYPE} sets the appeal type.
 * </ul>
 * The group-size rule reads numbers ("20名骑手", "二十多个兄弟", "30 riders") and fires when a
 * group of at least {@code minimum} workers is named with one of its context words.
 */
public record SignalRules(String version, List<Rule> rules, GroupSizeRule groupSize) {

	static final String RESOURCE = "/org/waystation/classifier/signal-rules.json";

	public SignalRules {
		Taxonomy taxonomy = Taxonomy.standard();
		for (Rule rule : rules) {
			if (rule.category() != null && taxonomy.category(rule.category()).isEmpty()) {
				throw new IllegalArgumentException("Rule " + rule.id() + " names unknown category " + rule.category());
			}
			if (rule.type() != null && taxonomy.appealType(rule.type()).isEmpty()) {
				throw new IllegalArgumentException("Rule " + rule.id() + " names unknown type " + rule.type());
			}
		}
		rules = List.copyOf(rules);
	}

	public static SignalRules standard() {
		return JsonResources.read(RESOURCE, SignalRules.class);
	}

	/** What the rules say, for the model version: every pattern and threshold. */
	String fingerprint() {
		StringBuilder all = new StringBuilder(this.version);
		for (Rule rule : this.rules) {
			all.append('|').append(rule.id()).append(rule.kind()).append(rule.category()).append(rule.type());
			all.append(rule.when()).append(rule.unless());
		}
		if (this.groupSize != null) {
			all.append('|')
				.append(this.groupSize.minimum())
				.append(this.groupSize.contexts())
				.append(this.groupSize.unless())
				.append(GroupSizeRule.GROUP.pattern());
		}
		return all.toString();
	}

	/** Every rule that fires on the (normalised) text, in the order of the file. */
	public List<Signal> signals(String normalizedText) {
		List<Signal> signals = new ArrayList<>();
		for (Rule rule : this.rules) {
			rule.match(normalizedText)
				.ifPresent((matched) -> signals.add(new Signal(rule.id(), rule.kind(), rule.category(), rule.type(),
						rule.zh(), rule.en(), matched)));
		}
		if (this.groupSize != null) {
			this.groupSize.match(normalizedText)
				.ifPresent((matched) -> signals.add(new Signal(this.groupSize.id(), Kind.URGENT, null, null,
						this.groupSize.zh(), this.groupSize.en(), matched)));
		}
		return signals;
	}

	/**
	 * The first URGENT rule whose words are in the text together with one of its
	 * exceptions (a drill, a course, a past accident, a question about safety): the text
	 * only looks like that danger.
	 */
	public java.util.Optional<String> urgentLookAlike(String normalizedText) {
		for (Rule rule : this.rules) {
			if (rule.kind() == Kind.URGENT && rule.lookAlike(normalizedText)) {
				return java.util.Optional.of(rule.id());
			}
		}
		if (this.groupSize != null && this.groupSize.lookAlike(normalizedText)) {
			return java.util.Optional.of(this.groupSize.id());
		}
		return java.util.Optional.empty();
	}

	public enum Kind {

		EXPLICIT_ASK, URGENT, HIGH, TYPE

	}

	/** A rule that fired, and the words that made it fire. */
	public record Signal(String ruleId, Kind kind, String category, String type, String zh, String en, String matched) {

	}

	public record Rule(String id, Kind kind, String category, String type, String zh, String en,
			List<List<String>> when, List<String> unless, List<Alternatives> compiledWhen,
			List<Alternatives> compiledUnless) {

		public Rule {
			if (id == null || kind == null || when == null || when.isEmpty()) {
				throw new IllegalArgumentException("A rule needs an id, a kind and at least one 'when' group");
			}
			unless = (unless != null) ? List.copyOf(unless) : List.of();
			compiledWhen = when.stream().map(SignalRules::anyOf).toList();
			compiledUnless = unless.isEmpty() ? List.of() : List.of(anyOf(unless));
		}

		java.util.Optional<String> match(String text) {
			// Its words first: most texts have none of most rules' words, and then its
			// exceptions need not be looked for.
			List<String> matched = new ArrayList<>();
			for (Alternatives group : this.compiledWhen) {
				Matcher matcher = group.find(text);
				if (matcher == null) {
					return java.util.Optional.empty();
				}
				matched.add(matcher.group());
			}
			for (Alternatives unlessPattern : this.compiledUnless) {
				if (unlessPattern.foundIn(text)) {
					return java.util.Optional.empty();
				}
			}
			return java.util.Optional.of(String.join(" + ", matched));
		}

		/** Its words are there, and so is one of its exceptions. */
		boolean lookAlike(String text) {
			return !this.compiledUnless.isEmpty() && this.compiledUnless.get(0).foundIn(text)
					&& this.compiledWhen.stream().allMatch((group) -> group.foundIn(text));
		}

	}

	/**
	 * A group of workers of at least {@code minimum}, named with a context word (unpaid,
	 * protest, ...), unless the text says the group met for something ordinary (a talk, a
	 * course).
	 */
	public record GroupSizeRule(String id, String zh, String en, int minimum, List<String> contexts,
			List<String> unless, Pattern compiledGroup, Alternatives compiledContexts, Alternatives compiledUnless) {

		private static final Pattern GROUP = Pattern.compile("(\\d{1,6}|上?[一二两三四五六七八九十百千几数]{1,5}" + "|"
				+ ChineseNumbers.englishCounts() + ")"
				+ "\\s*(?:多|来|余|几)?\\s*(?:个|名|位|号)?(?![户家套间栋天年月日周次块元万岁斤吨件单])\\s*(?:左右|上下)?\\s*的?\\s*"
				+ "(?:[\\u4e00-\\u9fff&&[^户家套间栋天年月日周次块元万岁斤吨件单几多来余]]{0,3}?)"
				+ "(?:骑手|骑士|外卖员|外卖小哥|送餐员|快递员|快递小哥|小哥|司机|师傅|兄弟|兄弟们|工友|人|同事|配送员|跑腿|代驾|员工|工人|装卸工|分拣工|临时工"
				+ "|\\s+(?:of\\s+)?(?:us|our|the)?\\s*(?:[a-z-]+\\s+){0,2}?(?:workers?|riders?|drivers?|couriers?|colleagues?|people))");

		public GroupSizeRule {
			contexts = List.copyOf(contexts);
			unless = (unless != null) ? List.copyOf(unless) : List.of();
			compiledGroup = GROUP;
			compiledContexts = anyOf(contexts);
			compiledUnless = unless.isEmpty() ? null : anyOf(unless);
		}

		java.util.Optional<String> match(String text) {
			if (this.compiledUnless != null && this.compiledUnless.foundIn(text)) {
				return java.util.Optional.empty();
			}
			return counted(text);
		}

		/** Its group and context are there, and so is one of its exceptions. */
		boolean lookAlike(String text) {
			return this.compiledUnless != null && this.compiledUnless.foundIn(text) && counted(text).isPresent();
		}

		private java.util.Optional<String> counted(String text) {
			Matcher group = GROUP.matcher(text);
			while (group.find()) {
				if (ChineseNumbers.parse(group.group(1)) >= this.minimum) {
					Matcher matcher = this.compiledContexts.find(text);
					if (matcher != null) {
						return java.util.Optional.of(group.group() + " + " + matcher.group());
					}
				}
			}
			return java.util.Optional.empty();
		}

	}

	/**
	 * The patterns as one: a text matches if any of them matches, at its leftmost place.
	 * Patterns are written in lower case, as the text they read is: no case folding,
	 * which costs most of the time of a match.
	 */
	private static Alternatives anyOf(List<String> patterns) {
		for (String pattern : patterns) {
			if (UPPER_CASE_LETTER.matcher(pattern).find()) {
				throw new IllegalArgumentException(
						"Pattern " + pattern + " has an upper-case letter: the text it reads is in lower case");
			}
		}
		return Alternatives.of(patterns);
	}

	/** An upper-case letter that is not an escape such as \\S or \\P{...}. */
	private static final Pattern UPPER_CASE_LETTER = Pattern.compile("(?<!\\\\)\\p{Lu}");

}
