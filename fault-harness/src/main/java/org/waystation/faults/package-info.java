/**
 * The fault harness: the whole stack in separate processes, a steady stream of appeals
 * through the gateway, faults injected one after another, and the checks that every
 * accepted appeal reached its case once.
 */
package org.waystation.faults;
