package org.waystation.archfixture.good;

import java.time.Duration;

/** Settings in the root package, used by a feature. */
public record GoodSettings(Duration window) {

}
