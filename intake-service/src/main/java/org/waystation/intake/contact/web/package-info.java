/** The contact details and their access log over HTTP. */
package org.waystation.intake.contact.web;
