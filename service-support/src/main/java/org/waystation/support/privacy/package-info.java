/**
 * Personal data handling: phone numbers are normalised for matching and masked for
 * display.
 */
package org.waystation.support.privacy;
