package org.waystation.identity.token;

import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/** The authorization server's context for tokens made outside its own endpoints. */
record IssuerContext(AuthorizationServerSettings settings) implements AuthorizationServerContext {

	@Override
	public String getIssuer() {
		return this.settings.getIssuer();
	}

	@Override
	public AuthorizationServerSettings getAuthorizationServerSettings() {
		return this.settings;
	}

}
