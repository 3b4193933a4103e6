package org.waystation.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

	static List<String> typeNames() {
		List<String> names = new java.util.ArrayList<>();
		EventTypes.names().forEach(names::add);
		return names;
	}

	@ParameterizedTest
	@MethodSource("typeNames")
	void everySampleRoundTripsWithItsLogicalTypeName(String typeName) {
		DomainEvent event = EventCodec.read(EventSamples.json(typeName)).orElseThrow();

		assertThat(event.type()).isEqualTo(typeName);
		assertThat(event.key()).isNotBlank();
		assertThat(event.schemaVersion()).isEqualTo(1);
		if (event instanceof CaseEvent caseEvent) {
			assertThat(caseEvent.status()).as("status after " + typeName).isNotBlank();
			assertThat(caseEvent.caseId()).isNotBlank();
		}
		String written = EventCodec.toJson(event);
		assertThat(written).contains("\"type\":\"" + typeName + "\"").doesNotContain("org.waystation");
		assertThat(EventCodec.read(written)).contains(event);
	}

	@Test
	void writesInstantsAsIsoStrings() {
		AppealSubmitted submitted = EventSamples.event(AppealSubmitted.class);

		assertThat(EventCodec.toJson(submitted)).contains("\"occurredAt\":\"2026-11-20T02:15:30Z\"");
	}

	@Test
	void readsTheSampleFieldsIntoTheRecord() {
		AppealRouted routed = EventSamples.event(AppealRouted.class);

		assertThat(routed.department()).isEqualTo("HRSS");
		assertThat(routed.category()).isEqualTo("WAGE_ARREARS");
		assertThat(routed.matchedKeywords()).contains("配送费");
		assertThat(routed.topic()).isEqualTo(Topics.APPEAL_ROUTED);
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		String json = EventSamples.json("CaseSigned").replaceFirst("\\{", "{\"addedInVersion2\":{\"x\":1},");

		CaseSigned signed = EventCodec.fromJson(json, CaseSigned.class);

		assertThat(signed.signedBy()).isEqualTo("王建国");
	}

	@Test
	void reportsUnknownTypesAsEmptySoOlderConsumersSkipThem() {
		String json = EventSamples.json("CaseSigned").replace("\"CaseSigned\"", "\"CaseEscalatedToMayor\"");

		assertThat(EventCodec.fromJson(json)).isEmpty();
	}

	@Test
	void readsOnlyTheTypeAConsumerAsksFor() {
		byte[] opened = EventCodec.toBytes(EventSamples.event(CaseOpened.class));

		assertThat(EventCodec.fromBytes(opened, CaseOpened.class)).get()
			.extracting(CaseOpened::department)
			.isEqualTo("HRSS");
		assertThat(EventCodec.fromBytes(opened, CaseSigned.class)).isEmpty();
		assertThatThrownBy(() -> EventCodec.fromBytes("{}".getBytes(), CaseOpened.class))
			.isInstanceOf(MalformedEventException.class);
	}

	@Test
	void rejectsRecordsThatAreNotEvents() {
		assertThatThrownBy(() -> EventCodec.fromJson("{not json")).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> EventCodec.fromJson("[1,2]")).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("not a JSON object");
		assertThatThrownBy(() -> EventCodec.fromJson("{\"eventId\":\"x\"}")).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("'type'");
		assertThatThrownBy(() -> EventCodec.fromBytes(null)).isInstanceOf(MalformedEventException.class);
	}

	@Test
	void rejectsEventsWithoutTheirEnvelope() {
		String noAppeal = EventSamples.json("CaseOpened").replaceAll("\"appealId\": \"[^\"]+\",", "");

		assertThatThrownBy(() -> EventCodec.fromJson(noAppeal)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("'appealId'");
	}

	@Test
	void refusesASchemaVersionNewerThanItReadsSoTheEventIsDeadLetteredNotMisread() {
		String newer = EventSamples.json("CaseSigned").replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");

		assertThatThrownBy(() -> EventCodec.fromJson(newer)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("CaseSigned has schema version 2")
			.hasMessageContaining("reads up to version 1");
	}

	@Test
	void refusesAnEventWithoutItsSchemaVersion() {
		String unversioned = EventSamples.json("CaseSigned").replace("\"schemaVersion\": 1,", "");
		String textual = EventSamples.json("CaseSigned").replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\"");

		assertThatThrownBy(() -> EventCodec.fromJson(unversioned)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("'schemaVersion'");
		assertThatThrownBy(() -> EventCodec.fromJson(textual)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("'schemaVersion'");
	}

	@Test
	void rejectsFieldsOfTheWrongShape() {
		String badId = EventSamples.json("CaseOpened")
			.replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"not-a-uuid\"");

		assertThatThrownBy(() -> EventCodec.fromJson(badId)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("CaseOpened");
	}

	@Test
	void keysAccountEventsByUsernameOnTheirOwnTopic() {
		StaffAccountChanged changed = EventSamples.event(StaffAccountChanged.class);

		assertThat(changed.key()).isEqualTo("hrss.wangjianguo");
		assertThat(changed.topic()).isEqualTo(Topics.IDENTITY_ACCOUNTS);
		assertThat(changed.roles()).containsExactly("STAFF");
		assertThat(EventCodec.fromJson(EventSamples.json("StaffAccountChanged")))
			.as("not an appeal event: an appeal consumer skips it")
			.isEmpty();
		String noUser = EventSamples.json("StaffAccountChanged").replaceAll("\"username\": \"[^\"]+\",", "");
		assertThatThrownBy(() -> EventCodec.read(noUser)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("'username'");
	}

	@Test
	void keepsCaseEventsOnOneTopic() {
		CaseResolved resolved = new CaseResolved(UUID.randomUUID(), "appeal-1", Instant.now(), 1, "appeal-1", "case-1",
				"WS23456789", "HRSS", "RESOLVED", "已解决", "李敏", true);

		assertThat(resolved.topic()).isEqualTo(Topics.CASE_EVENTS);
		assertThat(Topics.all()).contains("case.events", "case.events-dlt", "appeal.submitted-dlt");
		assertThat(EventSamples.event(WorkerRated.class).topic()).isEqualTo(Topics.APPEAL_FEEDBACK);
	}

}
