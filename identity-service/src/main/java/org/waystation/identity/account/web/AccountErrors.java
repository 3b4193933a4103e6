package org.waystation.identity.account.web;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.waystation.identity.account.Accounts;
import org.waystation.identity.account.InvalidAccountException;
import org.waystation.support.web.ApiException;

/** How the account endpoints answer what the accounts refuse. */
@RestControllerAdvice(basePackageClasses = AccountErrors.class)
class AccountErrors {

	@ExceptionHandler(Accounts.AccountNotFoundException.class)
	ApiException accountNotFound(Accounts.AccountNotFoundException ex) {
		return ApiException.notFound("account-not-found", ex.getMessage());
	}

	@ExceptionHandler(Accounts.AccountConflictException.class)
	ApiException accountConflict(Accounts.AccountConflictException ex) {
		return ApiException.conflict("account-conflict", ex.getMessage());
	}

	@ExceptionHandler(InvalidAccountException.class)
	ApiException invalidAccount(InvalidAccountException ex) {
		return ApiException.badRequest(ex.field(), ex.problem());
	}

}
