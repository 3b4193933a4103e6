/**
 * Open311 GeoReport v2: the categories as services, and requests filed and followed by
 * clients holding an API key an administrator issued.
 */
package org.waystation.intake.open311;
