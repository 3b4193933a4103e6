package org.waystation.archfixture.bad.cases;

import org.springframework.util.Assert;
import org.waystation.archfixture.bad.sla.Deadline;

/** Uses a framework, and the feature that uses it. */
public class Case {

	public Deadline deadline() {
		Assert.state(true, "always");
		return new Deadline(this);
	}

}
