/**
 * The HTTP-edge contracts the reactive gateway and the servlet services share:
 * correlation ids, the problem-detail body of early refusals, access-token checks.
 */
package org.waystation.api;
