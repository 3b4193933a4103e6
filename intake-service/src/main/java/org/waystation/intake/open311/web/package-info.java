/**
 * The GeoReport v2 endpoints ({@code /open311/v2/...}, JSON) and the administrators' API
 * for Open311 clients' keys.
 */
package org.waystation.intake.open311.web;
