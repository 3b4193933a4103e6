package org.waystation.intake.open311.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.intake.open311.Open311Client;
import org.waystation.intake.open311.Open311Clients;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.validation.CodePoints;

/**
 * Administrators issue and revoke the API keys Open311 clients file appeals with.
 */
@RestController
@RequestMapping("/api/v1/admin/open311-clients")
class Open311ClientsController {

	private final Open311Clients clients;

	Open311ClientsController(Open311Clients clients) {
		this.clients = clients;
	}

	/** 201 with the new key: it is shown this once and cannot be read again. */
	@PostMapping
	@RolesAllowed(Roles.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	IssuedKey issue(Caller caller, @Valid @RequestBody IssueRequest request) {
		Open311Clients.Issued issued = this.clients.issue(request.name().strip(), caller.name());
		return new IssuedKey(view(issued.client()), issued.apiKey());
	}

	/** Every client, newest first, with who issued it and whether it was revoked. */
	@GetMapping
	@RolesAllowed(Roles.ADMIN)
	List<ClientView> all() {
		return this.clients.all().stream().map(Open311ClientsController::view).toList();
	}

	/** Revokes the client's key at once; its appeals stay as they are. */
	@DeleteMapping("/{clientId}")
	@RolesAllowed(Roles.ADMIN)
	ClientView revoke(Caller caller, @PathVariable String clientId) {
		return view(this.clients.revoke(clientId, caller.name()));
	}

	private static ClientView view(Open311Client client) {
		return new ClientView(client.clientId(), client.name(), client.issuedBy(), client.issuedAt(),
				client.revokedAt(), client.active());
	}

	record IssueRequest(@NotBlank(message = "is required") @CodePoints(max = 100) String name) {

	}

	record ClientView(String clientId, String name, String issuedBy, Instant issuedAt, Instant revokedAt,
			boolean active) {

	}

	/**
	 * @param apiKey the key the client sends as {@code api_key}
	 */
	record IssuedKey(ClientView client, String apiKey) {

	}

}
