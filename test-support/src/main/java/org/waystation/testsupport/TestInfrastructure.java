package org.waystation.testsupport;

/** A Kafka broker and a MongoDB-wire server that tests talk to over TCP. */
public interface TestInfrastructure {

	String kafkaBootstrapServers();

	String mongoUri(String database);

}
