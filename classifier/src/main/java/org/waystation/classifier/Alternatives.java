package org.waystation.classifier;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patterns as one, that finds what {@link Matcher#find()} finds without trying every
 * position of the text: where each pattern can only begin with one of a few characters
 * (most rules' words do), a match is tried only at the positions that hold one of them. A
 * rule's list of a hundred phrasings, tried at every position, was half of the time it
 * took to classify an appeal. Where any pattern could begin with anything (a dot, a class
 * of characters, an optional first part), every position is tried, as before.
 */
final class Alternatives {

	private final Pattern pattern;

	/** The characters a match can begin with, or null where that is not known. */
	private final BitSet firsts;

	private Alternatives(Pattern pattern, BitSet firsts) {
		this.pattern = pattern;
		this.firsts = firsts;
	}

	/**
	 * The patterns as one: a text matches if any of them matches, at its leftmost place,
	 * the earliest pattern first.
	 */
	static Alternatives of(List<String> patterns) {
		StringBuilder alternatives = new StringBuilder();
		BitSet firsts = new BitSet();
		for (String pattern : patterns) {
			Pattern.compile(pattern);
			alternatives.append(alternatives.isEmpty() ? "" : "|").append("(?:").append(pattern).append(')');
			BitSet own = (firsts != null) ? firstCharacters(pattern) : null;
			firsts = (own != null) ? or(firsts, own) : null;
		}
		return new Alternatives(Pattern.compile(alternatives.toString()), firsts);
	}

	Pattern pattern() {
		return this.pattern;
	}

	/** Whether the first characters are known (for tests). */
	boolean prefiltered() {
		return this.firsts != null;
	}

	/**
	 * The leftmost match, as {@code pattern().matcher(text).find()} finds it, or null.
	 */
	Matcher find(CharSequence text) {
		Matcher matcher = this.pattern.matcher(text);
		if (this.firsts == null) {
			return matcher.find() ? matcher : null;
		}
		// Lookbehinds and word boundaries still see the text before the position.
		matcher.useTransparentBounds(true).useAnchoringBounds(false);
		int length = text.length();
		for (int position = 0; position < length; position++) {
			if (this.firsts.get(text.charAt(position))) {
				matcher.region(position, length);
				if (matcher.lookingAt()) {
					return matcher;
				}
			}
		}
		return null;
	}

	boolean foundIn(CharSequence text) {
		return find(text) != null;
	}

	private static BitSet or(BitSet one, BitSet other) {
		one.or(other);
		return one;
	}

	/**
	 * The characters a match of the pattern can begin with, or null where it cannot be
	 * told from the pattern's first element.
	 */
	static BitSet firstCharacters(String pattern) {
		BitSet firsts = new BitSet();
		for (String alternative : topLevelAlternatives(pattern)) {
			BitSet own = firstAt(alternative, skipZeroWidth(alternative, 0));
			if (own == null) {
				return null;
			}
			firsts.or(own);
		}
		return firsts;
	}

	/** Past word boundaries, a start anchor and lookarounds, which match no character. */
	private static int skipZeroWidth(String pattern, int start) {
		int i = start;
		while (i < pattern.length()) {
			if (pattern.startsWith("\\b", i) || pattern.startsWith("\\B", i)) {
				i += 2;
			}
			else if (pattern.charAt(i) == '^') {
				i++;
			}
			else if (pattern.startsWith("(?<!", i) || pattern.startsWith("(?<=", i) || pattern.startsWith("(?=", i)
					|| pattern.startsWith("(?!", i)) {
				int close = closingParenthesis(pattern, i);
				if (close < 0) {
					return pattern.length();
				}
				i = close + 1;
			}
			else {
				return i;
			}
		}
		return i;
	}

	private static BitSet firstAt(String pattern, int i) {
		if (i >= pattern.length()) {
			// A pattern that can match nothing at all matches anywhere.
			return null;
		}
		char c = pattern.charAt(i);
		BitSet firsts;
		int next;
		if (c == '(') {
			int close = closingParenthesis(pattern, i);
			if (close < 0) {
				return null;
			}
			String inner = pattern.substring(i + 1, close);
			if (inner.startsWith("?:")) {
				inner = inner.substring(2);
			}
			else if (inner.startsWith("?")) {
				// Named groups, flags, atomic groups: not read here.
				return null;
			}
			firsts = firstCharacters(inner);
			next = close + 1;
		}
		else if (c == '[') {
			int close = pattern.indexOf(']', i + 1);
			if (close < 0) {
				return null;
			}
			firsts = characterClass(pattern.substring(i + 1, close));
			next = close + 1;
		}
		else if (c == '\\') {
			if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
				// Classes such as digits or spaces, code points, back references: not
				// read here.
				return null;
			}
			firsts = new BitSet();
			firsts.set(pattern.charAt(i + 1));
			next = i + 2;
		}
		else if (".$|)*+?{}".indexOf(c) >= 0 || Character.isSurrogate(c)) {
			return null;
		}
		else {
			firsts = new BitSet();
			firsts.set(c);
			next = i + 1;
		}
		if (firsts == null || optional(pattern, next)) {
			return null;
		}
		return firsts;
	}

	/** Whether the element before this position may be left out (?, *, {0,...}). */
	private static boolean optional(String pattern, int next) {
		return next < pattern.length() && (pattern.charAt(next) == '?' || pattern.charAt(next) == '*'
				|| pattern.startsWith("{0", next) || pattern.startsWith("{,", next));
	}

	/** The characters of a class without ranges, negation or escapes; else null. */
	private static BitSet characterClass(String body) {
		if (body.isEmpty() || body.startsWith("^") || body.contains("\\") || body.contains("[")
				|| body.contains("&&")) {
			return null;
		}
		BitSet firsts = new BitSet();
		for (int k = 0; k < body.length(); k++) {
			char c = body.charAt(k);
			if (c == '-' && k > 0 && k < body.length() - 1) {
				return null;
			}
			if (Character.isSurrogate(c)) {
				return null;
			}
			firsts.set(c);
		}
		return firsts;
	}

	/** The position of the parenthesis that closes the one at {@code open}, or -1. */
	private static int closingParenthesis(String pattern, int open) {
		int[] depth = structure(pattern);
		for (int k = open + 1; k < pattern.length(); k++) {
			if (pattern.charAt(k) == ')' && depth[k] == depth[open]) {
				return k;
			}
		}
		return -1;
	}

	/** A group's alternatives: split at the bars outside inner groups and classes. */
	private static List<String> topLevelAlternatives(String group) {
		int[] depth = structure(group);
		List<String> alternatives = new ArrayList<>();
		int start = 0;
		for (int k = 0; k < group.length(); k++) {
			if (group.charAt(k) == '|' && depth[k] == 0) {
				alternatives.add(group.substring(start, k));
				start = k + 1;
			}
		}
		alternatives.add(group.substring(start));
		return alternatives;
	}

	/**
	 * For each position of a pattern, how deep in groups it is (a parenthesis counts as
	 * outside the group it opens or closes), or -1 for an escaped character or one of a
	 * class of characters.
	 */
	private static int[] structure(String pattern) {
		int[] depth = new int[pattern.length()];
		int level = 0;
		boolean inClass = false;
		for (int k = 0; k < pattern.length(); k++) {
			char c = pattern.charAt(k);
			if (c == '\\') {
				depth[k] = -1;
				if (k + 1 < pattern.length()) {
					depth[++k] = -1;
				}
			}
			else if (inClass || c == '[') {
				depth[k] = -1;
				inClass = (c == '[' && !inClass) || (inClass && c != ']');
			}
			else {
				if (c == ')') {
					level--;
				}
				depth[k] = level;
				if (c == '(') {
					level++;
				}
			}
		}
		return depth;
	}

}
