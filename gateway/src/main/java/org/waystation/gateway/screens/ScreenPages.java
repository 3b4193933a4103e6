package org.waystation.gateway.screens;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Each area's page at its own address: {@code /} for workers, {@code /staff} for staff
 * and the triage desk, {@code /supervisor}, {@code /admin}, {@code /operator} for hotline
 * operators and grid workers, and {@code /signed-in} where the identity service sends a
 * browser back with its authorization code. Pages are never cached, so a new release is
 * seen at once; their scripts and styles under {@code /assets} are.
 */
@Configuration(proxyBeanMethods = false)
class ScreenPages {

	/** Address to page, in the {@code web} module's {@code screens} folder. */
	static final Map<String, String> PAGES = Map.of("/", "worker.html", "/staff", "staff.html", "/supervisor",
			"supervisor.html", "/admin", "admin.html", "/operator", "operator.html", "/signed-in", "signed-in.html");

	@Bean
	RouterFunction<ServerResponse> screenRoutes() {
		RouterFunctions.Builder routes = RouterFunctions.route();
		PAGES.forEach((path, file) -> {
			Resource page = new ClassPathResource("screens/" + file);
			routes.GET(path,
					(request) -> ServerResponse.ok()
						.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
						.cacheControl(CacheControl.noCache())
						.bodyValue(page));
		});
		// The taxonomy the screens name departments and categories by, from the events
		// module: one copy for services and screens.
		Resource taxonomy = new ClassPathResource("org/waystation/events/taxonomy.json");
		routes.GET("/assets/taxonomy.json",
				(request) -> ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.cacheControl(CacheControl.noCache())
					.bodyValue(taxonomy));
		return routes.build();
	}

}
