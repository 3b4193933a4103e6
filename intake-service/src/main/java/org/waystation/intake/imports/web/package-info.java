/** The import API: upload, progress and report. */
package org.waystation.intake.imports.web;
