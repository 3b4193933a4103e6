package org.waystation.identity.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.waystation.events.Taxonomy;
import org.waystation.identity.IdentityProperties;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * The demonstration accounts of the local stack, made when missing: a member of staff and
 * a supervisor for each department ({@code staff.hrss}, {@code supervisor.hrss}), the
 * triage desk ({@code triage}), a supervisor of every department ({@code supervisor}), an
 * administrator with a known authenticator secret ({@code admin}) and a hotline operator
 * ({@code operator}), all with the demo password and an address at {@value #EMAIL_DOMAIN}
 * (the local stack's mail stand-in takes mail to any address). Only when
 * {@code waystation.identity.demo.enabled} is set, which only the local profile does.
 */
@Component
@ConditionalOnProperty(name = "waystation.identity.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** The demo accounts' mail domain (reserved for examples: no mail leaves). */
	static final String EMAIL_DOMAIN = "waystation.example";

	/** A member of staff and a supervisor of each department. */
	private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

	static {
		NAMES.put("HRSS", List.of("王建国", "李华"));
		NAMES.put("TRANSPORT", List.of("张伟", "刘芳"));
		NAMES.put("TRAFFIC_POLICE", List.of("陈军", "杨帆"));
		NAMES.put("HEALTH", List.of("赵敏", "黄丽"));
		NAMES.put("JUSTICE", List.of("周涛", "吴静"));
		NAMES.put("MARKET_REGULATION", List.of("徐磊", "孙倩"));
		NAMES.put("TRADE_UNION", List.of("马超", "朱琳"));
		NAMES.put("HOUSING", List.of("胡斌", "郭燕"));
		NAMES.put("EDUCATION", List.of("林峰", "何雪"));
		NAMES.put("COMMUNITY", List.of("高翔", "罗娟"));
		NAMES.put("PLATFORM_LIAISON", List.of("梁栋", "宋佳"));
		NAMES.put("TRIAGE", List.of("赵敏慧", "郑宏"));
	}

	private final Accounts accounts;

	private final IdentityProperties.Demo demo;

	/** The demo password's hash, made once for every demo account a start makes. */
	private String passwordHash;

	DemoAccounts(Accounts accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.demo = properties.demo();
	}

	@Override
	public void run(ApplicationArguments args) {
		int made = 0;
		for (Taxonomy.Entry department : Taxonomy.standard().departments()) {
			String code = department.code();
			String suffix = code.toLowerCase(Locale.ROOT);
			List<String> names = NAMES.getOrDefault(code, List.of(department.zh() + "工作人员", department.zh() + "负责人"));
			if (!Taxonomy.TRIAGE.equals(code)) {
				made += ensure("staff." + suffix, new AccountTerms(names.get(0), List.of(Roles.STAFF), code, null),
						null);
			}
			made += ensure("supervisor." + suffix,
					new AccountTerms(names.get(1), List.of(Roles.SUPERVISOR), code, code), null);
		}
		made += ensure("triage", new AccountTerms("赵敏慧", List.of(Roles.TRIAGE), Taxonomy.TRIAGE, null), null);
		made += ensure("supervisor", new AccountTerms("陈立群", List.of(Roles.SUPERVISOR), null, Caller.EVERY_DEPARTMENT),
				null);
		made += ensure("admin", new AccountTerms("系统管理员", List.of(Roles.ADMIN), null, null),
				this.demo.adminTotpSecret());
		made += ensure("operator", new AccountTerms("12345热线话务员", List.of(Roles.OPERATOR), null, null), null);
		if (made > 0) {
			log.warn("Made {} demo accounts with the demo password: for the local stack only", made);
		}
	}

	private int ensure(String username, AccountTerms given, String totpSecret) {
		AccountTerms terms = new AccountTerms(given.name(), given.roles(), given.department(), given.supervises(),
				username + "@" + EMAIL_DOMAIN);
		java.util.Optional<Account> existing = this.accounts.find(username);
		if (existing.isPresent()) {
			if (existing.get().email() == null) {
				// Made before accounts had an address.
				Account account = existing.get();
				this.accounts.change(username, new AccountTerms(account.name(), account.roles(), account.department(),
						account.supervises(), terms.email()), "system", "local");
			}
			return 0;
		}
		try {
			PasswordPolicy.check("password", this.demo.password(), username);
			if (this.passwordHash == null) {
				this.passwordHash = this.accounts.hash(this.demo.password());
			}
			this.accounts.createWithHash(username, terms, this.passwordHash, totpSecret, "system", "local");
			return 1;
		}
		catch (Accounts.AccountConflictException ex) {
			// Another instance made it at the same moment.
			return 0;
		}
	}

}
