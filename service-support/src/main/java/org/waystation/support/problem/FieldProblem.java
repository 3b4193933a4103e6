package org.waystation.support.problem;

/**
 * One thing wrong with a request: the field (a JSON path or parameter name) and the
 * problem.
 */
public record FieldProblem(String field, String problem) {

}
