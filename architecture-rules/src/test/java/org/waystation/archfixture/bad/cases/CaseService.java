package org.waystation.archfixture.bad.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.waystation.archfixture.bad.cases.web.CaseView;
import org.waystation.intake.IntakeInternals;

/** Domain code that knows the web, its own web adapter, and another service. */
public class CaseService {

	public CaseView view(IntakeInternals appeal) {
		if (appeal == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new CaseView();
	}

}
