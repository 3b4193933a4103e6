/** Read access to routing decisions, for the triage desk. */
package org.waystation.routing.decision.web;
