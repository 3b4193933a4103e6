package org.waystation.identity.token.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.identity.account.Account;
import org.waystation.identity.account.Accounts;
import org.waystation.identity.audit.SecurityEvents;
import org.waystation.identity.otp.PhoneCodes;
import org.waystation.identity.token.Principals;
import org.waystation.identity.token.TokenIssuer;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Refusals;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

/**
 * The sign-in API for curl, apps and channels: thin endpoints in front of the
 * authorization server's token machinery. Staff sign in with username, password and
 * (where set up) an authenticator code; workers with their phone and a code sent to it.
 * Refusals never tell one account or phone from another.
 */
@RestController
@RequestMapping("/api/v1/auth")
class SignInController {

	private final Accounts accounts;

	private final PhoneCodes codes;

	private final TokenIssuer tokens;

	private final SecurityEvents events;

	private final Refusals refusals;

	SignInController(Accounts accounts, PhoneCodes codes, TokenIssuer tokens, SecurityEvents events,
			Refusals refusals) {
		this.accounts = accounts;
		this.codes = codes;
		this.tokens = tokens;
		this.events = events;
		this.refusals = refusals;
	}

	/** Staff sign-in. 200 with the tokens; 401 for any wrong part. */
	@PostMapping("/login")
	@PermitAll
	TokenIssuer.Tokens login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		Accounts.SignIn signIn = this.accounts.signIn(request.username(), request.password(), request.totp(),
				http.getRemoteAddr());
		if (signIn.secondFactorMissing()) {
			this.refusals.count("second-factor-required", http);
			throw ProblemException.unauthorized("second-factor-required",
					"This account signs in with an authenticator code too: send it as totp");
		}
		if (!signIn.succeeded()) {
			this.refusals.count("invalid-credentials", http);
			throw ProblemException.unauthorized("invalid-credentials",
					"Sign-in failed: the username, password or authenticator code is wrong, or the account is "
							+ "locked for a while after too many failures");
		}
		Account account = signIn.account();
		return this.tokens.issue(Principals.account(account.id(), account.roles()), TokenIssuer.PASSWORD,
				account.name());
	}

	/**
	 * Sends a sign-in code to a phone. 202 whether or not the phone ever appealed; 429
	 * when asked too often.
	 */
	@PostMapping("/otp")
	@PermitAll
	ResponseEntity<Map<String, Object>> sendCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		String phone = phone(request.phone());
		Locale locale = (language != null && language.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		try {
			PhoneCodes.Sent sent = this.codes.send(phone, http.getRemoteAddr(), locale);
			return ResponseEntity.accepted()
				.body(Map.of("sentTo", sent.sentTo(), "expiresIn", sent.validFor().toSeconds(), "resendAfter",
						sent.resendAfter().toSeconds()));
		}
		catch (PhoneCodes.TooSoonException ex) {
			this.refusals.count("code-limit", http);
			throw ProblemException.tooMany("too-many-codes",
					"Too many codes were asked for this phone or from this address; try again later",
					ex.retryAfter().toSeconds());
		}
		catch (DeliveryException ex) {
			throw ProblemException.unavailable("sms-unavailable",
					"The code could not be sent just now; try again in a minute", 60);
		}
	}

	/** A worker signs in with the code. 200 with the tokens; 401 for a wrong code. */
	@PostMapping("/otp/verify")
	@PermitAll
	TokenIssuer.Tokens verifyCode(@Valid @RequestBody VerifyRequest request, HttpServletRequest http) {
		String phone = phone(request.phone());
		return this.codes.verify(phone, request.code().strip(), http.getRemoteAddr())
			.map((workerId) -> this.tokens.issue(Principals.worker(workerId), TokenIssuer.PHONE_CODE,
					PhoneNumbers.mask(phone)))
			.orElseThrow(() -> {
				this.refusals.count("invalid-code", http);
				return ProblemException.unauthorized("invalid-code",
						"The code is wrong, expired or used up; ask for a new one");
			});
	}

	/**
	 * New tokens for a refresh token, which is spent: the answer carries the next one.
	 */
	@PostMapping("/refresh")
	@PermitAll
	TokenIssuer.Tokens refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		return this.tokens.refresh(request.refreshToken().strip()).orElseThrow(() -> {
			this.refusals.count("invalid-refresh-token", http);
			return ProblemException.unauthorized("invalid-refresh-token",
					"The refresh token is unknown, expired or revoked; sign in again");
		});
	}

	/**
	 * Signs out: the refresh token and its sign-in are revoked at once (an access token
	 * already issued expires within its short lifetime). 204 whether or not it was still
	 * good.
	 */
	@PostMapping("/logout")
	@PermitAll
	ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		String refreshToken = request.refreshToken().strip();
		this.tokens.principalOf(refreshToken).ifPresent((principal) -> {
			this.tokens.revoke(refreshToken);
			this.events.record("signed-out", principal, null, http.getRemoteAddr(), null);
		});
		return ResponseEntity.noContent().build();
	}

	/** Signs the caller out everywhere: every sign-in of theirs is revoked. */
	@PostMapping("/logout/all")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	Map<String, Object> logoutEverywhere(Caller caller, HttpServletRequest http) {
		int ended = this.tokens.revokeAll(caller.subject());
		this.events.record("signed-out-everywhere", caller.subject(), null, http.getRemoteAddr(), ended + " sign-ins");
		return Map.of("ended", ended);
	}

	/** Who the token says the caller is. */
	@GetMapping("/me")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	Me me(Caller caller) {
		boolean totp = this.accounts.find(caller.subject()).map(Account::totpEnabled).orElse(false);
		return new Me(caller.subject(), caller.name(), List.copyOf(caller.roles()), caller.department(),
				caller.supervises(), totp);
	}

	private static String phone(String raw) {
		return PhoneNumbers.normalize(raw)
			.orElseThrow(() -> ProblemException.invalid("phone",
					"must be a mainland mobile number (11 digits, +86 allowed) or a landline with its area code"));
	}

	record LoginRequest(
			@NotBlank(message = "is required") @Size(max = 64,
					message = "must be at most 64 characters") String username,
			@NotBlank(message = "is required") @Size(max = 128,
					message = "must be at most 128 characters") String password,
			@Size(max = 8, message = "must be the 6-digit authenticator code") String totp) {

	}

	record CodeRequest(@NotBlank(message = "is required") @Size(max = 32,
			message = "must be at most 32 characters") String phone) {

	}

	record VerifyRequest(
			@NotBlank(message = "is required") @Size(max = 32, message = "must be at most 32 characters") String phone,
			@NotBlank(message = "is required") @Size(max = 8, message = "must be the 6-digit code") String code) {

	}

	record RefreshRequest(@NotBlank(message = "is required") @Size(max = 512,
			message = "must be at most 512 characters") String refreshToken) {

	}

	/**
	 * @param secondFactor whether the account signs in with an authenticator code
	 */
	record Me(String subject, String name, List<String> roles, String department, String supervises,
			boolean secondFactor) {

	}

}
