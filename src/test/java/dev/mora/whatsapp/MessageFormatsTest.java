package dev.mora.whatsapp;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFormatsTest {

	@Test
	void amountsReadAsSolesWithThousandsSeparators() {
		assertThat(MessageFormats.money(new BigDecimal("350.00"), "PEN")).isEqualTo("S/ 350.00");
		assertThat(MessageFormats.money(new BigDecimal("1234.5"), "PEN")).isEqualTo("S/ 1,234.50");
		assertThat(MessageFormats.money(new BigDecimal("1234567.89"), "USD")).isEqualTo("US$ 1,234,567.89");
		assertThat(MessageFormats.money(new BigDecimal("0.05"), "CLP")).isEqualTo("CLP 0.05");
	}

	@Test
	void datesReadDayMonthYear() {
		assertThat(MessageFormats.date(LocalDate.of(2026, 12, 5))).isEqualTo("05/12/2026");
	}

	@Test
	void phonesAreMaskedInLogs() {
		assertThat(MessageFormats.maskPhone("+51987654321")).isEqualTo("+51 9** *** 321");
		assertThat(MessageFormats.maskPhone("+34612345678")).doesNotContain("612345").endsWith("678");
		assertThat(MessageFormats.maskPhone(null)).isEqualTo("***");
	}

}
