/**
 * Staff of each department: who is on duty, who supervises, and round-robin assignment.
 */
package org.waystation.department.staff;
