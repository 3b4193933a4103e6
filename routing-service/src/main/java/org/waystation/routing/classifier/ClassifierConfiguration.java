package org.waystation.routing.classifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

	@Bean
	KeywordClassifier keywordClassifier() {
		return new KeywordClassifier(KeywordRules.standard());
	}

}
