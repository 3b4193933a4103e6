/**
 * Channels other than the JSON form: an SMS provider's inbound webhook. A new message
 * becomes an appeal; a reply is matched to the sender's open appeal (an answer to the
 * department's question, or a rating "1", "2" or "3"); a redelivered message changes
 * nothing.
 */
package org.waystation.intake.channel;
