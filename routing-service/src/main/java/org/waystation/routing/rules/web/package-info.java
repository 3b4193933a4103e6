/** The routing rules' admin API. */
package org.waystation.routing.rules.web;
