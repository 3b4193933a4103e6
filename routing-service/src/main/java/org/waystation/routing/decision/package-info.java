/**
 * Routing decisions: one per appeal, stored with the {@code AppealRouted} event it
 * causes.
 */
package org.waystation.routing.decision;
