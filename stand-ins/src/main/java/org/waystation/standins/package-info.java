/**
 * Stand-ins for the outside services Waystation talks to, so that the local stack and the
 * tests run closed off, and a person can read every message that would have gone out.
 */
package org.waystation.standins;
