/**
 * routing-service: classifies each appeal and decides which department leads its
 * handling.
 */
package org.waystation.routing;
