/** What every Waystation service shares, wired by auto-configuration. */
package org.waystation.support;
