package dev.mora.web;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A permission the Camunda user lacks, asked by {@link ApiPermissions} or by the engine itself, answered by any of
 * Mora's controllers as a 403 problem naming what is missing, so that an administrator can grant it in Camunda Admin.
 */
@RestControllerAdvice
class AuthorizationProblems {

	@ExceptionHandler
	ProblemDetail forbidden(AuthorizationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setType(URI.create("https://mora.dev/problems/forbidden"));
		problem.setTitle("Forbidden");
		List<MissingAuthorization> missingAuthorizations = (ex.getMissingAuthorizations() != null)
				? ex.getMissingAuthorizations() : List.of();
		List<Missing> missing = missingAuthorizations.stream()
			.map((authorization) -> new Missing(authorization.getViolatedPermissionName(),
					authorization.getResourceType(), authorization.getResourceId()))
			.toList();
		if (!missing.isEmpty()) {
			problem.setProperty("missingAuthorizations", missing);
		}
		return problem;
	}

	/** One permission that would do, on a resource type and id ({@code *}: any) as Camunda Admin names them. */
	record Missing(String permission, String resourceType, String resourceId) {
	}

}
