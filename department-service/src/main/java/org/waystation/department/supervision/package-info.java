/**
 * Supervision (督办): the urgent alerts supervisors acknowledge, and the worklist of what
 * supervisors and the triage desk must act on.
 */
package org.waystation.department.supervision;
