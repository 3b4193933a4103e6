package org.waystation.archfixture.good.cases;

import java.time.Instant;

import org.waystation.archfixture.good.GoodSettings;
import org.waystation.archfixture.good.sla.Deadline;

public class Case {

	public Deadline deadline(Instant openedAt, GoodSettings settings) {
		return new Deadline(openedAt.plus(settings.window()));
	}

}
