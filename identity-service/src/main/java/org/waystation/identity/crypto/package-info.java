/** Encryption of the secrets kept at rest. */
package org.waystation.identity.crypto;
