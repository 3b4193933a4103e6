/** The classifier's admin API. */
package org.waystation.routing.classifier.web;
