/**
 * Routing rules as data: category × district/station → department office, seeded from a
 * default set that mirrors the taxonomy, changed at run time through the admin API, every
 * change versioned and audited.
 */
package org.waystation.routing.rules;
