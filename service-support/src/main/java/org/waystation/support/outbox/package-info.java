/**
 * The document outbox: a service stores the events a change causes inside the changed
 * document, in the same single-document write, and a relay publishes them until Kafka
 * acknowledges them.
 */
package org.waystation.support.outbox;
