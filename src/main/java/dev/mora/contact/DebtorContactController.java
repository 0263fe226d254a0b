package dev.mora.contact;

import java.util.List;

import dev.mora.debt.DebtService;
import dev.mora.debt.Debtor;
import dev.mora.web.ApiPermissions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's contacts: the audit trail that answers a complaint, and the do-not-contact flag. */
@RestController
@RequestMapping("/api/debtors/{debtorId}")
class DebtorContactController {

	private final DebtService debts;

	private final ContactGate gate;

	private final ApiPermissions permissions;

	DebtorContactController(DebtService debts, ContactGate gate, ApiPermissions permissions) {
		this.debts = debts;
		this.gate = gate;
		this.permissions = permissions;
	}

	@GetMapping("/contacts")
	ContactsView contacts(@PathVariable String debtorId) {
		this.permissions.requireRead();
		Debtor debtor = debtor(debtorId);
		return new ContactsView(debtor.id(), this.gate.blockOf(debtor).orElse(null), this.gate.attemptsOf(debtorId));
	}

	@PutMapping("/do-not-contact")
	ContactsView doNotContact(@PathVariable String debtorId, @RequestBody(required = false) BlockRequest request) {
		this.permissions.requireUpdate();
		Debtor debtor = debtor(debtorId);
		String reason = (request != null && request.reason() != null && !request.reason().isBlank())
				? request.reason().strip() : "pedido del acreedor";
		this.gate.doNotContact(debtor.id(), reason);
		return contacts(debtorId);
	}

	@DeleteMapping("/do-not-contact")
	ContactsView allowContact(@PathVariable String debtorId) {
		this.permissions.requireUpdate();
		this.gate.allowContact(debtor(debtorId).id());
		return contacts(debtorId);
	}

	@ExceptionHandler
	ProblemDetail notFound(DebtorNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Debtor not found");
		return problem;
	}

	private Debtor debtor(String debtorId) {
		return this.debts.debtor(debtorId).orElseThrow(() -> new DebtorNotFoundException(debtorId));
	}

	record BlockRequest(String reason) {
	}

	/**
	 * @param debtorId the debtor
	 * @param blocked why the debtor must not be contacted, or null
	 * @param attempts every contact attempt, oldest first
	 */
	record ContactsView(String debtorId, String blocked, List<ContactAttempt> attempts) {
	}

	static class DebtorNotFoundException extends RuntimeException {

		DebtorNotFoundException(String debtorId) {
			super("No debtor " + debtorId);
		}

	}

}
