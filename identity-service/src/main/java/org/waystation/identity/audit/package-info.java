/**
 * The security log: sign-ins, refusals, codes sent, account changes; kept six months or
 * more.
 */
package org.waystation.identity.audit;
