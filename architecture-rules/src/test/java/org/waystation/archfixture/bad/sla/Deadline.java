package org.waystation.archfixture.bad.sla;

import org.waystation.archfixture.bad.cases.Case;

/** Uses the feature that uses it: a cycle. */
public record Deadline(Case of) {

}
