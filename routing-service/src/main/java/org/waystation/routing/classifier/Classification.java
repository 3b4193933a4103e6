package org.waystation.routing.classifier;

import java.util.List;

/**
 * What the classifier made of an appeal.
 *
 * @param confidence between 0 and 1; 0 when nothing matched
 * @param matchedKeywords the words that decided the category
 * @param explanation why, for people, in zh-CN
 * @param rulesVersion the version of the rules that decided
 */
public record Classification(String category, String department, String appealType, String priority, double confidence,
		List<String> matchedKeywords, String explanation, String rulesVersion) {

}
