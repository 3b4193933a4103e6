/** The identity service: who is calling, proved by tokens it signs. */
package org.waystation.identity;
