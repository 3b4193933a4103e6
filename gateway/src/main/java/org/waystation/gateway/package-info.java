/**
 * gateway: the single entry point; routes each /api/v1 path to the service that owns it.
 */
package org.waystation.gateway;
