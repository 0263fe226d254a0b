package dev.mora.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details for answers built by hand (webhooks, which answer before any controller advice). */
public final class Problems {

	private Problems() {
	}

	/**
	 * @param errors the bad fields, or null
	 */
	public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail, Object errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://mora.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
