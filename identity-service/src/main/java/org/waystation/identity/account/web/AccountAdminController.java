package org.waystation.identity.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.identity.account.AccountTerms;
import org.waystation.identity.account.Accounts;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.web.validation.CodePoints;

/**
 * Administrators create, change, disable, enable and reset staff accounts, and set each
 * one's department and roles. A generated password (and an administrator's authenticator
 * secret) is shown once, in the answer that made it.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AccountAdminController {

	private final Accounts accounts;

	AccountAdminController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@RolesAllowed(Roles.ADMIN)
	List<AccountView> list() {
		Instant now = Instant.now();
		return this.accounts.list().stream().map((account) -> AccountView.of(account, now)).toList();
	}

	@GetMapping("/{username}")
	@RolesAllowed(Roles.ADMIN)
	AccountView get(@PathVariable String username) {
		return this.accounts.find(username)
			.map((account) -> AccountView.of(account, Instant.now()))
			.orElseThrow(() -> notFound(username));
	}

	@PostMapping
	@RolesAllowed(Roles.ADMIN)
	ResponseEntity<Issued> create(Caller caller, @Valid @RequestBody NewAccount request, HttpServletRequest http) {
		Accounts.Issued issued = this.accounts.create(
				request.username(), new AccountTerms(request.name(), request.roles(), request.department(),
						request.supervises(), request.email()),
				request.password(), caller.subject(), http.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + request.username()))
			.body(Issued.of(issued));
	}

	@PutMapping("/{username}")
	@RolesAllowed(Roles.ADMIN)
	AccountView change(Caller caller, @PathVariable String username, @Valid @RequestBody AccountChange request,
			HttpServletRequest http) {
		if (username.equals(caller.subject()) && (request.roles() == null || !request.roles().contains(Roles.ADMIN))) {
			throw ProblemException.conflict("own-admin-role",
					"An administrator cannot take ADMIN from their own account");
		}
		return AccountView.of(
				this.accounts
					.change(username,
							new AccountTerms(request.name(), request.roles(), request.department(),
									request.supervises(), request.email()),
							caller.subject(), http.getRemoteAddr()),
				Instant.now());
	}

	/** Disables an account and ends its sign-ins at once. */
	@PostMapping("/{username}/disable")
	@RolesAllowed(Roles.ADMIN)
	AccountView disable(Caller caller, @PathVariable String username, HttpServletRequest http) {
		if (username.equals(caller.subject())) {
			throw ProblemException.conflict("own-account", "An administrator cannot disable their own account");
		}
		return AccountView.of(this.accounts.setEnabled(username, false, caller.subject(), http.getRemoteAddr()),
				Instant.now());
	}

	@PostMapping("/{username}/enable")
	@RolesAllowed(Roles.ADMIN)
	AccountView enable(Caller caller, @PathVariable String username, HttpServletRequest http) {
		return AccountView.of(this.accounts.setEnabled(username, true, caller.subject(), http.getRemoteAddr()),
				Instant.now());
	}

	/**
	 * A new password (and for an administrator a new authenticator), unlocked; every
	 * sign-in of the account ends.
	 */
	@PostMapping("/{username}/reset")
	@RolesAllowed(Roles.ADMIN)
	Issued reset(Caller caller, @PathVariable String username, HttpServletRequest http) {
		return Issued.of(this.accounts.reset(username, caller.subject(), http.getRemoteAddr()));
	}

	private static ProblemException notFound(String username) {
		return ProblemException.notFound("account-not-found", "No account is named " + username);
	}

	record NewAccount(
			@NotBlank(message = "is required") @Pattern(regexp = Accounts.USERNAME,
					message = "must be 2-64 lower-case letters, digits, dots, hyphens or underscores") String username,
			@NotBlank(message = "is required") @CodePoints(max = 32) String name, List<String> roles, String department,
			String supervises, @Size(max = 128, message = "must be at most 128 characters") String password,
			@CodePoints(max = 254) String email) {

	}

	record AccountChange(@NotBlank(message = "is required") @CodePoints(max = 32) String name, List<String> roles,
			String department, String supervises, @CodePoints(max = 254) String email) {

	}

	/**
	 * @param password the generated password, shown this once (null when the
	 * administrator chose it)
	 * @param totpSecret an administrator's authenticator secret, shown this once
	 * @param totpUri the same as an {@code otpauth://} URI for a QR code
	 */
	record Issued(AccountView account, String password, String totpSecret, String totpUri) {

		static Issued of(Accounts.Issued issued) {
			return new Issued(AccountView.of(issued.account(), Instant.now()), issued.password(),
					(issued.totp() != null) ? issued.totp().secret() : null,
					(issued.totp() != null) ? issued.totp().uri() : null);
		}

	}

}
