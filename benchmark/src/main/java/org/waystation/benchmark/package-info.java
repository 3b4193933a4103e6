/**
 * The benchmark: an open-model load generator for the gateway, end-to-end latency from
 * the events' timestamps, the machine's raw Kafka and MongoDB limits measured in the same
 * run, and a report (JSON, Markdown, PNG).
 */
package org.waystation.benchmark;
