/**
 * Module boundaries as ArchUnit rules: features free of cycles, web adapters at the edge,
 * no service reaching into another, shared contracts free of frameworks.
 */
package org.waystation.architecture;
