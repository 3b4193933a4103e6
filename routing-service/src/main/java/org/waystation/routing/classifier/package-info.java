/**
 * The classifier as the service runs it: trained at start-up from the shipped examples
 * and the triage desk's corrections, retrained on demand, and learning from every
 * re-dispatch.
 */
package org.waystation.routing.classifier;
