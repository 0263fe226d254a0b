package dev.mora.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda's users, for Mora's API, the engine's REST API and the simulator page.
 * The authenticated user (and their groups) is set on the engine for the request, so that engine
 * authorizations apply to {@code /engine-rest} too. Webhooks are not behind this filter: they
 * authenticate by their signatures.
 */
class BasicAuthenticationFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Basic ";

	private final IdentityService identityService;

	BasicAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = authenticatedUser(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (user == null) {
			unauthorized(response);
			return;
		}
		List<String> groups = this.identityService.createGroupQuery().groupMember(user).list().stream()
			.map(Group::getId)
			.toList();
		this.identityService.setAuthentication(user, groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private String authenticatedUser(String header) {
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String user = decoded.substring(0, colon);
		return this.identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
	}

	private static void unauthorized(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Mora\", charset=\"UTF-8\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
					+ "\"detail\":\"Log in with HTTP Basic as a Camunda user.\"}");
	}

}
