package dev.mora.debt;

import java.util.List;

/** A registration with bad fields; nothing of it was stored. */
class InvalidDebtException extends RuntimeException {

	private final transient List<FieldError> errors;

	InvalidDebtException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s)");
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

}
