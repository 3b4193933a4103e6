/**
 * The channels' webhooks.
 */
package org.waystation.intake.channel.web;
