/**
 * intake-service: takes appeals from every channel and keeps the tracking view workers
 * read.
 */
package org.waystation.intake;
