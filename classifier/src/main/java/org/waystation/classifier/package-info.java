/**
 * The appeal classifier: text features from Lucene's smartcn segmentation and character
 * bigrams, linear models trained from the shipped examples, and a rules layer for
 * high-precision signals. Plain Java, so the routing service, the evaluation and the
 * benchmark share it.
 */
package org.waystation.classifier;
