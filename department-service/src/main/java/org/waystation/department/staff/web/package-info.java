/** The staff roster API, for administrators. */
package org.waystation.department.staff.web;
