package org.waystation.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyTest {

	private final Taxonomy taxonomy = Taxonomy.standard();

	@Test
	void mapsEveryCategoryToAKnownDepartment() {
		assertThat(this.taxonomy.categories()).hasSize(19)
			.allSatisfy((category) -> assertThat(this.taxonomy.department(category.department())).isPresent());
	}

	@Test
	void sendsUnclassifiableAppealsToTriage() {
		assertThat(this.taxonomy.category("OTHER")).get().extracting(Taxonomy.Entry::department).isEqualTo("TRIAGE");
	}

	@Test
	void namesDepartmentsInChineseByDefaultAndInEnglishOnRequest() {
		Taxonomy.Entry hrss = this.taxonomy.department("HRSS").orElseThrow();

		assertThat(hrss.name("zh-CN")).isEqualTo("人力资源和社会保障局");
		assertThat(hrss.name(null)).isEqualTo("人力资源和社会保障局");
		assertThat(hrss.name("en")).isEqualTo("Human Resources and Social Security Bureau");
	}

	@Test
	void knowsNothingOfCodesOutsideTheTaxonomy() {
		assertThat(this.taxonomy.department("MINISTRY_OF_MAGIC")).isEmpty();
		assertThat(this.taxonomy.department(null)).isEmpty();
	}

}
