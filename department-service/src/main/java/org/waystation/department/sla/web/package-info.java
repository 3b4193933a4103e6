/** The administrators' API for the business calendar and SLA policies. */
package org.waystation.department.sla.web;
