/**
 * The MongoDB-wire store of the local stack and of the services' tests: mongo-java-server
 * with its H2 backend in one file, a journal that keeps every acknowledged write through
 * a {@code kill -9}, and the non-unique indexes the services declare, with a planner that
 * answers a query from the index that narrows it most.
 */
package org.waystation.store;
