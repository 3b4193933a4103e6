/**
 * What protects the services: body and rate limits, circuit-breaker fallbacks,
 * correlation ids.
 */
package org.waystation.gateway.protection;
