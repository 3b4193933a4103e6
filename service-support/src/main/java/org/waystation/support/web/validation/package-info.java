/**
 * Constraints every service's requests share, reported with every other problem of the
 * request in one 400.
 */
package org.waystation.support.web.validation;
