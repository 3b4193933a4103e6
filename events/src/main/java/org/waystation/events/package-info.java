/**
 * The event contracts every Waystation service shares: records, topics, logical type
 * names and the JSON codec that puts them on the wire.
 */
package org.waystation.events;
