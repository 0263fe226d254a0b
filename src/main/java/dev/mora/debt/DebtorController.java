package dev.mora.debt;

import java.util.List;

import dev.mora.web.ApiPermissions;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's master data: a new phone or name reaches every one of their debts. */
@RestController
class DebtorController {

	private final DebtService debts;

	private final ApiPermissions permissions;

	DebtorController(DebtService debts, ApiPermissions permissions) {
		this.debts = debts;
		this.permissions = permissions;
	}

	@PutMapping(path = "/api/debtors/{debtorId}", consumes = "application/json")
	Debtor update(@PathVariable String debtorId, @RequestBody DebtorUpdate update) {
		// Where and to whom the reminders of every debt of theirs go: a change to those lifecycles.
		this.permissions.requireUpdate();
		if (update == null) {
			throw new InvalidDebtException(List.of(FieldError.of("body", "is required")));
		}
		return this.debts.updateDebtor(debtorId, update.name(), update.phone());
	}

	record DebtorUpdate(String name, String phone) {
	}

}
