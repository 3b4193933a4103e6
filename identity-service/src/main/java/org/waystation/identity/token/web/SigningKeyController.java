package org.waystation.identity.token.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.identity.audit.SecurityEvents;
import org.waystation.identity.token.SigningKeys;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * The signing keys (never their private parts) and rotation on demand: the new key is
 * published at once and signs once every resource server can know it.
 */
@RestController
@RequestMapping("/api/v1/admin/signing-keys")
class SigningKeyController {

	private final SigningKeys keys;

	private final SecurityEvents events;

	SigningKeyController(SigningKeys keys, SecurityEvents events) {
		this.keys = keys;
		this.events = events;
	}

	@GetMapping
	@RolesAllowed(Roles.ADMIN)
	List<SigningKeys.KeyState> list() {
		return this.keys.states();
	}

	@PostMapping("/rotate")
	@RolesAllowed(Roles.ADMIN)
	SigningKeys.KeyState rotate(Caller caller, HttpServletRequest http) {
		SigningKeys.KeyState next = this.keys.rotate(caller.subject());
		this.events.record("signing-key-rotated", next.kid(), caller.subject(), http.getRemoteAddr(),
				"signs from " + next.activatesAt());
		return next;
	}

}
