/** Hot topics and merge suggestions over HTTP. */
package org.waystation.routing.similar.web;
