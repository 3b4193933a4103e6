/** Staff accounts: roles, departments, passwords, lockout and second factors. */
package org.waystation.identity.account;
