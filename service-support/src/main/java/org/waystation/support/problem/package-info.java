/**
 * Problems a request can meet, in the services' own terms: thrown by domain code,
 * answered as problem details by the web layer. No framework dependencies.
 */
package org.waystation.support.problem;
