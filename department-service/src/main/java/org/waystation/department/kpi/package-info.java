/** Supervisor KPIs (三率 and more) over any period, by department, category or district. */
package org.waystation.department.kpi;
