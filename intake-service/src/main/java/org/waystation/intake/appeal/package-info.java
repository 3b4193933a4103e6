/**
 * Accepting appeals: validation, idempotent submission, tracking codes, the appeal
 * document.
 */
package org.waystation.intake.appeal;
