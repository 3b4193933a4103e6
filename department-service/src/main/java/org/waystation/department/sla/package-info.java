/**
 * Service levels: the business calendar, SLA policies as data, deadlines that pause while
 * the worker is asked for information, and the monitor that warns and escalates.
 */
package org.waystation.department.sla;
