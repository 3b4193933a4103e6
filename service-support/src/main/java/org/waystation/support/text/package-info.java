/**
 * Small helpers for people's words as the services store and show them.
 */
package org.waystation.support.text;
