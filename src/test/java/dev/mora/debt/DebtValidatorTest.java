package dev.mora.debt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.mora.contact.ContactProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebtValidatorTest {

	private final DebtValidator validator = new DebtValidator(
			ContactProperties.of(true, LocalTime.of(10, 0), ZoneId.of("America/Lima")));

	@Test
	void validDebtIsNormalisedWithItsDefaults() {
		NewDebt debt = this.validator.validate(request("INV-1001", "+51 987 654 321", "350", "PEN", "2026-12-15"));

		assertThat(debt.debtId()).isEqualTo("INV-1001");
		assertThat(debt.debtor().phone()).isEqualTo("+51987654321");
		assertThat(debt.amount()).isEqualTo(new BigDecimal("350.00"));
		assertThat(debt.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(debt.segment()).isEqualTo("STANDARD");
		assertThat(debt.timezone()).isEqualTo(ZoneId.of("America/Lima"));
		assertThat(debt.language()).isEqualTo("es");
	}

	@Test
	void everyBadFieldIsNamed() {
		DebtRequest request = new DebtRequest("INV 1001", new DebtRequest.DebtorRequest("", "", "987654321"), "-5",
				"SOL", "15/12/2026", "vip!", "Lima/Peru", "spanish");

		assertThatThrownBy(() -> this.validator.validate(request)).isInstanceOfSatisfying(InvalidDebtException.class,
				(ex) -> assertThat(ex.errors()).extracting(FieldError::field)
					.containsExactly("debtId", "debtor.id", "debtor.name", "debtor.phone", "amount", "currency",
							"dueDate", "segment", "timezone", "language"));
	}

	@Test
	void missingDebtorIsNamed() {
		DebtRequest request = new DebtRequest("INV-1", null, "1.00", "PEN", "2026-12-15", null, null, null);

		assertThat(errors(request)).extracting(FieldError::field).containsExactly("debtor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+51987654321", "+5491123456789", "+34612345678", "+14155552671", "+56961234567" })
	void acceptsPeruvianMobilesAndValidNumbersOfOtherCountries(String phone) {
		assertThat(errors(request("INV-1", phone, "1.00", "PEN", "2026-12-15"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "987654321", "+51187654321", "+5112345678", "+51 98765432", "+510987654321", "phone",
			"+1234", "+999123456789" })
	void rejectsWhatIsNotAReachableE164Mobile(String phone) {
		assertThat(errors(request("INV-1", phone, "1.00", "PEN", "2026-12-15"))).extracting(FieldError::field)
			.containsExactly("debtor.phone");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1", "1.001", "abc", "1e3x", "1000000000000.00" })
	void rejectsAmountsThatAreNotPositiveWithTwoDecimals(String amount) {
		assertThat(errors(request("INV-1", "+51987654321", amount, "PEN", "2026-12-15"))).extracting(FieldError::field)
			.containsExactly("amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.01", "1", "1.5", "350.00", "1.10", "999999999999.99" })
	void acceptsPositiveAmountsWithUpToTwoDecimals(String amount) {
		assertThat(errors(request("INV-1", "+51987654321", amount, "PEN", "2026-12-15"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PEN", "USD", "EUR", "CLP" })
	void acceptsIso4217Currencies(String currency) {
		assertThat(errors(request("INV-1", "+51987654321", "1.00", currency, "2026-12-15"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "pen", "SOL", "XYZ", "US", "" })
	void rejectsOtherCurrencyCodes(String currency) {
		assertThat(errors(request("INV-1", "+51987654321", "1.00", currency, "2026-12-15")))
			.extracting(FieldError::field)
			.containsExactly("currency");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "2026-13-01", "15/12/2026", "2026-12-15T00:00:00" })
	void rejectsWhatIsNotAnIsoDate(String dueDate) {
		assertThat(errors(request("INV-1", "+51987654321", "1.00", "PEN", dueDate))).extracting(FieldError::field)
			.containsExactly("dueDate");
	}

	@Test
	void debtIdsAreOneToSixtyFourSafeCharacters() {
		assertThat(errors(request("a".repeat(64), "+51987654321", "1.00", "PEN", "2026-12-15"))).isEmpty();
		assertThat(errors(request("A.b_c-9", "+51987654321", "1.00", "PEN", "2026-12-15"))).isEmpty();
		assertThat(errors(request("a".repeat(65), "+51987654321", "1.00", "PEN", "2026-12-15")))
			.extracting(FieldError::field)
			.containsExactly("debtId");
		assertThat(errors(request("INV/1", "+51987654321", "1.00", "PEN", "2026-12-15"))).extracting(FieldError::field)
			.containsExactly("debtId");
	}

	@Test
	void namesAreOneToTwoHundredCharacters() {
		DebtRequest longName = new DebtRequest("INV-1",
				new DebtRequest.DebtorRequest("C-1", "ñ".repeat(201), "+51987654321"), "1.00", "PEN", "2026-12-15",
				null, null, null);
		DebtRequest fullName = new DebtRequest("INV-1",
				new DebtRequest.DebtorRequest("C-1", "ñ".repeat(200), "+51987654321"), "1.00", "PEN", "2026-12-15",
				null, null, null);

		assertThat(errors(longName)).extracting(FieldError::field).containsExactly("debtor.name");
		assertThat(errors(fullName)).isEmpty();
	}

	private List<FieldError> errors(DebtRequest request) {
		List<FieldError> errors = new ArrayList<>();
		this.validator.validate(request, errors);
		return errors;
	}

	private static DebtRequest request(String debtId, String phone, String amount, String currency, String dueDate) {
		return new DebtRequest(debtId, new DebtRequest.DebtorRequest("C-1", "María Quispe", phone), amount, currency,
				dueDate, null, null, null);
	}

}
