package org.waystation.archfixture.good.cases.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RestController;
import org.waystation.archfixture.good.cases.Case;

@RestController
public class CaseController {

	public String deadline(HttpServletRequest request) {
		return new Case().deadline(Instant.EPOCH, null).toString() + request.getRemoteAddr();
	}

}
