/**
 * Batch import: an operator uploads a CSV or XLSX file (micro-wish box slips, paper
 * forms, grid visits) and follows its row-by-row report while the rows become appeals.
 */
package org.waystation.intake.imports;
