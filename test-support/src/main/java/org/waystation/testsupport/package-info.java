/**
 * Test infrastructure: a real Kafka broker and a MongoDB-wire server, started once per
 * test JVM, either embedded (KRaft broker, mongo-java-server) or as Testcontainers where
 * Docker runs.
 */
package org.waystation.testsupport;
