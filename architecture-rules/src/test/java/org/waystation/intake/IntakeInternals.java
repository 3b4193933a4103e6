package org.waystation.intake;

/** Stands for a class of another service that a fixture reaches into. */
public class IntakeInternals {

}
