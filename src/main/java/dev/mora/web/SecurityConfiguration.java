package dev.mora.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Everything but the webhooks and Camunda's own webapps (which have their login) needs a user. */
	static final String[] PROTECTED_PATHS = { "/api/*", "/engine-rest/*", "/simulator", "/simulator/api/*" };

	@Bean
	FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(IdentityService identityService) {
		FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new BasicAuthenticationFilter(identityService));
		registration.addUrlPatterns(PROTECTED_PATHS);
		registration.setName("moraBasicAuthentication");
		return registration;
	}

}
