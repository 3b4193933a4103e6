/**
 * The embedded local stack: a KRaft Kafka broker and every service as child processes,
 * and the embedded store (mongo-java-server on disk) in the launcher, all on loopback.
 */
package org.waystation.local;
