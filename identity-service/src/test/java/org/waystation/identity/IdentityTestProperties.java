package org.waystation.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The identity service's configuration in tests, the same for every test class so that
 * they share one started service: test secrets, no delay before a new signing key signs,
 * codes that may be sent again at once, and a web client to sign in with.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "waystation.identity.issuer=" + IdentityTestProperties.ISSUER,
		"waystation.identity.encryption-key=test-encryption-key-0123456789",
		"waystation.identity.encryption-salt=5c0744940b5c369b", "waystation.identity.code-key=test-code-key-0123456789",
		"waystation.identity.signing-keys.publish-ahead=0s", "waystation.identity.codes.resend-after=0s",
		"waystation.identity.codes.per-address-per-hour=1000",
		"waystation.identity.web-client.redirect-uris[0]=" + IdentityTestProperties.CALLBACK })
@interface IdentityTestProperties {

	String ISSUER = "http://identity.test.waystation";

	String CALLBACK = "http://127.0.0.1:9/callback";

}
