/** Correlation ids from the gateway through every service and Kafka record. */
package org.waystation.support.correlation;
