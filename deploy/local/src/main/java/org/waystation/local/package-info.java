/**
 * The embedded local stack: a KRaft Kafka broker and every service as child processes,
 * and mongo-java-server with its on-disk H2 backend in the launcher, all on loopback.
 */
package org.waystation.local;
