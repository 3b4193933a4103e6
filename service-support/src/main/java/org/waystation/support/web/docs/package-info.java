/**
 * The OpenAPI 3 description every service publishes at {@code /v3/api-docs}: its
 * endpoints, who may call them, and the problem-detail format of every refusal.
 */
package org.waystation.support.web.docs;
