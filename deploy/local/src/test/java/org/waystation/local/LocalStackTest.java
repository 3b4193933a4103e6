package org.waystation.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

	@Test
	void helpIsFoundBehindTheHomeThatRunShPutsFirst() {
		assertThat(LocalStack.asksForHelp(new String[] { "--home=.", "--help" })).isTrue();
		assertThat(LocalStack.asksForHelp(new String[] { "--home=.", "-h" })).isTrue();
		assertThat(LocalStack.asksForHelp(new String[] { "--home=.", "--gateway-port=9080" })).isFalse();
		assertThat(LocalStack.asksForHelp(new String[] { "--home=.", "--data-dir=help" })).isFalse();
	}

}
