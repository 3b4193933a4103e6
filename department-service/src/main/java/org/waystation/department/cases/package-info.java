/**
 * Cases (工单): one department's handling of an appeal, and the transitions it goes
 * through.
 */
package org.waystation.department.cases;
