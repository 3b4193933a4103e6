package org.waystation.identity.token.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.waystation.identity.account.Accounts;
import org.waystation.identity.token.Principals;

/**
 * The browser sign-in of the authorization-code flow, with the same checks as the sign-in
 * API: lockout, disabled accounts, and the authenticator code (form field {@code totp})
 * for accounts that have one.
 */
@Component
class SignInPageAuthentication implements AuthenticationProvider {

	/** Keeps the form's authenticator code and the client's address for the check. */
	static final AuthenticationDetailsSource<HttpServletRequest, Form> DETAILS = (request) -> new Form(
			request.getParameter("totp"), request.getRemoteAddr());

	private final Accounts accounts;

	SignInPageAuthentication(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Form form = (authentication.getDetails() instanceof Form details) ? details : new Form(null, null);
		Accounts.SignIn signIn = this.accounts.signIn(authentication.getName(),
				(authentication.getCredentials() != null) ? authentication.getCredentials().toString() : null,
				form.totp(), form.address());
		if (!signIn.succeeded()) {
			throw new BadCredentialsException(signIn.secondFactorMissing() ? "Enter the authenticator code too"
					: "Wrong username or password, or the account is locked for a while");
		}
		Authentication signedIn = Principals.account(signIn.account().id(), signIn.account().roles());
		// Plain details: the sign-in is stored with Spring Security's type-checked JSON.
		((UsernamePasswordAuthenticationToken) signedIn).setDetails(new WebAuthenticationDetails(form.address(), null));
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** What the sign-in form sent besides username and password. */
	record Form(String totp, String address) {

	}

}
