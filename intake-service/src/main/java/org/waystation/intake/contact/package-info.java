/**
 * Workers' contact details for the staff who need them, with every read logged (PIPL).
 */
package org.waystation.intake.contact;
