package org.waystation.archfixture.bad.cases.web;

public class CaseView {

}
