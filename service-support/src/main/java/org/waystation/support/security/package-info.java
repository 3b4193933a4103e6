/**
 * Who is calling and what they may touch: tokens checked as a resource server, roles and
 * scopes from their claims, endpoints that state their rule, refusals counted.
 */
package org.waystation.support.security;
