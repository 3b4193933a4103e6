/** department-service: each department's queue of cases, from opening to resolution. */
package org.waystation.department;
