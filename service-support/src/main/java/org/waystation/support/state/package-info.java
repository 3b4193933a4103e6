/**
 * State that every instance of a service keeps in memory and any instance may change in
 * the store, refreshed on one schedule.
 */
package org.waystation.support.state;
