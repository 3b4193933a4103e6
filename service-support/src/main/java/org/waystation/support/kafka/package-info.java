/** Kafka set-up shared by the services: topics, retries with back-off, dead letters. */
package org.waystation.support.kafka;
