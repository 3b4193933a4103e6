package org.waystation.archfixture.bad.cases;

import org.springframework.web.bind.annotation.RestController;

/** A controller outside a web package. */
@RestController
public class StrayController {

}
