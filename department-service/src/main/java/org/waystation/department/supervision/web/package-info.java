/** The supervision worklist and the acknowledgement of urgent alerts over HTTP. */
package org.waystation.department.supervision.web;
