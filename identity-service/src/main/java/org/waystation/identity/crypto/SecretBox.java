package org.waystation.identity.crypto;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;
import org.waystation.identity.IdentityProperties;

/**
 * Encrypts the secrets the identity service must keep (signing keys, authenticator
 * secrets) before they are stored: Spring Security's AES-GCM text encryptor, its key
 * derived from the configured password and salt.
 */
@Component
public class SecretBox {

	private final TextEncryptor encryptor;

	SecretBox(IdentityProperties properties) {
		this.encryptor = Encryptors.delux(properties.encryptionKey(), properties.encryptionSalt());
	}

	public String seal(String plain) {
		return this.encryptor.encrypt(plain);
	}

	public String open(String sealed) {
		return this.encryptor.decrypt(sealed);
	}

}
