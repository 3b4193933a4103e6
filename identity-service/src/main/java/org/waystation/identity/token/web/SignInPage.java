package org.waystation.identity.token.web;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the staff screens (authorization code with PKCE): username,
 * password and, for accounts that have one, the authenticator code. In Chinese unless the
 * browser prefers English or the screens were switched to English (cookie
 * {@code ws-lang}). Its stylesheet is the screens' own, served by the gateway.
 */
@Controller
class SignInPage {

	/** Anyone: it is where a browser signs in. */
	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@PermitAll
	ResponseEntity<String> page(HttpServletRequest request, CsrfToken csrf) {
		boolean english = english(request);
		String error = (request.getParameter("error") != null) ? text(english, "用户名、密码或验证码不正确，或账号已暂时锁定。",
				"Wrong username, password or authenticator code, or the account is locked for a while.") : null;
		String signedOut = (request.getParameter("logout") != null) ? text(english, "您已退出登录。", "You are signed out.")
				: null;
		StringBuilder html = new StringBuilder(2048);
		html.append("<!DOCTYPE html><html lang=\"")
			.append(english ? "en" : "zh-CN")
			.append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>")
			.append(text(english, "登录 · 驿站诉求平台", "Sign in · Waystation"))
			.append("</title><link rel=\"stylesheet\" href=\"/assets/screens.css\"></head><body class=\"signin\">")
			.append("<main class=\"signin-card\"><h1>")
			.append(text(english, "工作人员登录", "Staff sign-in"))
			.append("</h1>");
		if (error != null) {
			html.append("<p class=\"alert\" role=\"alert\">").append(error).append("</p>");
		}
		if (signedOut != null) {
			html.append("<p class=\"notice\" role=\"status\">").append(signedOut).append("</p>");
		}
		html.append("<form method=\"post\" action=\"/login\">")
			.append(field("username", text(english, "用户名", "Username"), "text", "username", true))
			.append(field("password", text(english, "密码", "Password"), "password", "current-password", true))
			.append(field("totp", text(english, "验证码（已绑定身份验证器的账号）", "Authenticator code (accounts that have one)"),
					"text", "one-time-code", false))
			.append("<input type=\"hidden\" name=\"")
			.append(HtmlUtils.htmlEscape(csrf.getParameterName()))
			.append("\" value=\"")
			.append(HtmlUtils.htmlEscape(csrf.getToken()))
			.append("\"><button type=\"submit\" class=\"primary\">")
			.append(text(english, "登录", "Sign in"))
			.append("</button></form></main></body></html>");
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(html.toString());
	}

	private static String field(String name, String label, String type, String autocomplete, boolean required) {
		return "<label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\"" + name
				+ "\" type=\"" + type + "\" autocomplete=\"" + autocomplete + "\""
				+ (name.equals("totp") ? " inputmode=\"numeric\" maxlength=\"6\"" : "") + (required ? " required" : "")
				+ ">";
	}

	private static String text(boolean english, String chinese, String englishText) {
		return english ? englishText : chinese;
	}

	private static boolean english(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().equals("ws-lang")) {
					return cookie.getValue().equals("en");
				}
			}
		}
		Locale locale = request.getLocale();
		return locale != null && locale.getLanguage().equals("en");
	}

}
