package org.waystation.archfixture.good.sla;

import java.time.Instant;

public record Deadline(Instant due) {

}
