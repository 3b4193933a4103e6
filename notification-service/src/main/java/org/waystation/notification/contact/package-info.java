/** How to reach the worker behind each appeal, learnt from {@code AppealSubmitted}. */
package org.waystation.notification.contact;
