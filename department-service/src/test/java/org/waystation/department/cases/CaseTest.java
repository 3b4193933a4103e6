package org.waystation.department.cases;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.waystation.events.AppealRouted;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.events.EventCodec;
import org.waystation.events.EventSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseTest {

	private static final Instant NOW = Instant.parse("2026-11-20T02:15:32Z");

	private final AppealRouted routed = EventSamples.event(AppealRouted.class);

	@Test
	void opensInTheRoutedDepartmentsQueueWithItsEvent() {
		Case opened = Case.open(this.routed, NOW);

		assertThat(opened.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(opened.getDepartment()).isEqualTo("HRSS");
		assertThat(opened.getOutbox()).singleElement().satisfies((entry) -> {
			CaseOpened event = EventCodec.fromJson(entry.payload(), CaseOpened.class);
			assertThat(event.caseId()).isEqualTo(opened.getId());
			assertThat(event.priority()).isEqualTo("HIGH");
			assertThat(event.correlationId()).isEqualTo(this.routed.correlationId());
		});
	}

	@Test
	void givesTheSameAppealAndDepartmentTheSameCaseId() {
		assertThat(Case.open(this.routed, NOW).getId()).isEqualTo(Case.open(this.routed, NOW.plusSeconds(5)).getId())
			.isEqualTo(Case.idFor(this.routed.appealId(), "HRSS"))
			.isNotEqualTo(Case.idFor(this.routed.appealId(), "JUSTICE"));
	}

	@Test
	void signsAnOpenCase() {
		Case.Transition transition = Case.open(this.routed, NOW).sign("王建国", NOW.plusSeconds(60));

		assertThat(transition.event()).isInstanceOfSatisfying(CaseSigned.class,
				(signed) -> assertThat(signed.signedBy()).isEqualTo("王建国"));
		assertThat(transition.change().getUpdateObject().get("$set").toString()).contains("SIGNED");
	}

	@Test
	void refusesToResolveACaseNobodySignedFor() {
		Case opened = Case.open(this.routed, NOW);

		assertThatThrownBy(() -> opened.resolve("已处理", "王建国", NOW)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("signed for first");
	}

	@Test
	void resolvesASignedCaseAndRefusesEverythingAfterwards() {
		Case handled = Case.open(this.routed, NOW);
		handled.sign("王建国", NOW);
		assertThatThrownBy(() -> handled.sign("李敏", NOW)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("already signed");

		Case.Transition transition = handled.resolve("配送费已足额支付。", "王建国", NOW);

		assertThat(transition.event()).isInstanceOfSatisfying(CaseResolved.class,
				(event) -> assertThat(event.resolution()).isEqualTo("配送费已足额支付。"));
		assertThat(handled.getStatus()).isEqualTo(CaseStatus.RESOLVED);
		Case resolved = handled;
		assertThatThrownBy(() -> resolved.sign("李敏", NOW)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("already resolved");
		assertThatThrownBy(() -> resolved.resolve("再次办结", "李敏", NOW)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("already resolved");
	}

}
