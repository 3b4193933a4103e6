package org.waystation.routing.similar;

/**
 * An earlier appeal from the same worker about the same thing: a suggestion to merge
 * (并单), for the triage desk to confirm.
 */
public record Duplicate(String appealId, String trackingCode, double similarity) {

}
