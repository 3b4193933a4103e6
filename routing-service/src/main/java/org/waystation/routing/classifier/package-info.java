/**
 * The first classifier: keyword rules, shipped as data, for category, type and priority.
 */
package org.waystation.routing.classifier;
