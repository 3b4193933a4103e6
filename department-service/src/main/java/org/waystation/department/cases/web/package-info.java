/** The staff queue API: list a department's cases, sign for one, resolve it. */
package org.waystation.department.cases.web;
