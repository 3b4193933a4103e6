/** The tracking view: what each routing and case event means for the worker's appeal. */
package org.waystation.intake.tracking;
