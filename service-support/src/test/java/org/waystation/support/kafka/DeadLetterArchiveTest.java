package org.waystation.support.kafka;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterArchiveTest {

	@Test
	void aReasonIsTheCauseWithoutTheListenerOrClassNames() {
		assertThat(DeadLetterArchive.reason("Listener method 'void CaseEventsListener.onAppealAndCaseEvents("
				+ "ConsumerRecord<String, byte[]>)' threw exception; Event is not valid JSON: Unrecognized token 'garbage'"))
			.isEqualTo("Event is not valid JSON: Unrecognized token 'garbage'");
		assertThat(DeadLetterArchive.reason("org.waystation.events.MalformedEventException: eventId is not a UUID"))
			.isEqualTo("MalformedEventException: eventId is not a UUID");
		assertThat(DeadLetterArchive.reason(null)).isNull();
	}

	@Test
	void aValueIsShownAsTextWithControlCharactersAndOtherBytesEscaped() {
		assertThat(DeadLetterArchive.preview("{\"text\":\"欠薪\u0000\u001b\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("{\"text\":\"欠薪\\u0000\\u001b\"}");
		assertThat(DeadLetterArchive.preview(new byte[] { (byte) 0xc3, 0x28, (byte) 0xff }))
			.isEqualTo("(not UTF-8) c328ff");
	}

}
