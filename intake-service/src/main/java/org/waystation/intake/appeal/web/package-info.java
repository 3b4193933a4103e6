/** The appeals API: submit an appeal, read its tracking view. */
package org.waystation.intake.appeal.web;
