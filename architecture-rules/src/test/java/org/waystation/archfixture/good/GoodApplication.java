package org.waystation.archfixture.good;

/** The root of a module that keeps every rule. */
public class GoodApplication {

}
