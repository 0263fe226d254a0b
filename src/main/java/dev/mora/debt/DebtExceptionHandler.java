package dev.mora.debt;

import java.net.URI;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The debt API's errors as RFC 9457 problem details. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { DebtController.class, DebtorController.class })
class DebtExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalid(InvalidDebtException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.errors().size() + " invalid field(s); nothing was stored");
		problem.setType(URI.create("https://mora.dev/problems/invalid-debt"));
		problem.setTitle("Invalid debt");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return invalid(new InvalidDebtException(List.of(FieldError.of("body", "is not a valid JSON debt"))));
	}

	@ExceptionHandler
	ProblemDetail conflict(DebtConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("https://mora.dev/problems/debt-conflict"));
		problem.setTitle("Debt id already taken");
		problem.setProperty("debtId", ex.debtId());
		problem.setProperty("errors", ex.fields().stream()
			.map((field) -> FieldError.of(field, "differs from the registered debt"))
			.toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail debtorNotFound(DebtorNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Debtor not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(DebtNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Debt not found");
		return problem;
	}

}
