package dev.mora.debt;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A debtor's master data: a new phone or name reaches every one of their debts. */
@RestController
class DebtorController {

	private final DebtService debts;

	DebtorController(DebtService debts) {
		this.debts = debts;
	}

	@PutMapping(path = "/api/debtors/{debtorId}", consumes = "application/json")
	Debtor update(@PathVariable String debtorId, @RequestBody DebtorUpdate update) {
		if (update == null) {
			throw new InvalidDebtException(List.of(FieldError.of("body", "is required")));
		}
		return this.debts.updateDebtor(debtorId, update.name(), update.phone());
	}

	record DebtorUpdate(String name, String phone) {
	}

}
