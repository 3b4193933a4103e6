package org.waystation.identity.account.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.identity.account.Accounts;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/** A member of staff's own password and authenticator. */
@RestController
@RequestMapping("/api/v1/auth")
class OwnAccountController {

	private final Accounts accounts;

	OwnAccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/password")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	ResponseEntity<Void> changePassword(Caller caller, @Valid @RequestBody PasswordChange request,
			HttpServletRequest http) {
		this.accounts.changePassword(caller.subject(), request.currentPassword(), request.newPassword(),
				http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Starts setting up an authenticator app: the secret and its {@code otpauth://} URI.
	 * Sign-in asks for codes once it is confirmed.
	 */
	@PostMapping("/totp")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	Accounts.TotpSetup beginTotp(Caller caller, HttpServletRequest http) {
		return this.accounts.beginTotp(caller.subject(), http.getRemoteAddr());
	}

	@PostMapping("/totp/confirm")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	ResponseEntity<Void> confirmTotp(Caller caller, @Valid @RequestBody TotpConfirmation request,
			HttpServletRequest http) {
		this.accounts.confirmTotp(caller.subject(), request.code().strip(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(
			@NotBlank(message = "is required") @Size(max = 128,
					message = "must be at most 128 characters") String currentPassword,
			@NotBlank(message = "is required") @Size(max = 128,
					message = "must be at most 128 characters") String newPassword) {

	}

	record TotpConfirmation(@NotBlank(message = "is required") @Size(max = 8,
			message = "must be the 6-digit authenticator code") String code) {

	}

}
