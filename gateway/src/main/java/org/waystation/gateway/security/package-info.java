/**
 * Token checks at the edge: the gateway is a resource server like every service behind
 * it.
 */
package org.waystation.gateway.security;
