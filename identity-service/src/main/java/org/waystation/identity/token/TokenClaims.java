package org.waystation.identity.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.waystation.identity.account.Account;
import org.waystation.identity.account.Accounts;
import org.waystation.support.security.Roles;

/**
 * What every token says about its holder, read afresh each time one is made (also on
 * refresh): roles, department, supervision scope and name, from the account as it is now;
 * a disabled or removed account gets no more tokens. Each token names the key that signed
 * it.
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/**
	 * The authorization attribute with the name a worker's tokens show (masked phone).
	 */
	public static final String DISPLAY_NAME = "waystation.display-name";

	private final Accounts accounts;

	private final SigningKeys keys;

	TokenClaims(Accounts accounts, SigningKeys keys) {
		this.accounts = accounts;
		this.keys = keys;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.activeKid());
		boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!access && !id) {
			return;
		}
		Authentication principal = context.getPrincipal();
		if (Principals.isWorker(principal)) {
			String name = (context.getAuthorization() != null) ? context.getAuthorization().getAttribute(DISPLAY_NAME)
					: null;
			context.getClaims().claim("roles", new ArrayList<>(List.of(Roles.WORKER)));
			if (name != null) {
				context.getClaims().claim("name", name);
			}
			return;
		}
		Account account = this.accounts.find(principal.getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account is disabled or gone", null)));
		context.getClaims().claim("roles", new ArrayList<>(account.roles())).claim("name", account.name());
		if (account.department() != null) {
			context.getClaims().claim("department", account.department());
		}
		if (account.supervises() != null) {
			context.getClaims().claim("supervises", account.supervises());
		}
	}

}
