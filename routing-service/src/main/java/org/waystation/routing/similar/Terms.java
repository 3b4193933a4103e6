package org.waystation.routing.similar;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that say what an appeal is about: the segmenter's words of two characters or
 * more (English: three letters or more), without the words every appeal shares.
 */
public final class Terms {

	private static final Set<String> COMMON = Set.of("我们", "你们", "他们", "一个", "什么", "没有", "现在", "已经", "可以", "怎么", "这个",
			"那个", "不是", "还是", "就是", "但是", "因为", "所以", "如果", "请问", "一下", "一直", "问题", "反映", "来电人", "来电", "网格员", "骑手",
			"外卖", "快递", "快递员", "司机", "小哥", "师傅", "平台", "站点", "帮助", "希望", "the", "and", "for", "with", "that", "this",
			"have", "has", "was", "are", "not", "but", "they", "you", "our", "rider", "courier", "driver", "deliveri",
			"deliver", "platform");

	private Terms() {
	}

	public static List<String> of(Collection<String> words) {
		Set<String> terms = new LinkedHashSet<>();
		for (String word : words) {
			boolean ascii = word.chars().allMatch((c) -> c < 128);
			int length = word.codePointCount(0, word.length());
			if ((ascii ? length >= 3 && !word.chars().allMatch(Character::isDigit) : length >= 2)
					&& !COMMON.contains(word)) {
				terms.add(word);
			}
		}
		return List.copyOf(terms);
	}

	/** The share of the shorter list's terms that the other has too. */
	public static double overlap(Collection<String> a, Collection<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> shared = new LinkedHashSet<>(a);
		shared.retainAll(Set.copyOf(b));
		return (double) shared.size() / Math.min(Set.copyOf(a).size(), Set.copyOf(b).size());
	}

}
