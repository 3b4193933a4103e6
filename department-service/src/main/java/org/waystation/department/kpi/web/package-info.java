/** The KPI API for supervisors. */
package org.waystation.department.kpi.web;
