/**
 * Work a service does in the background at regular intervals.
 */
package org.waystation.support.rounds;
