package dev.mora.contact;

import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When debtors may be contacted.
 *
 * @param enabled false turns hours, days and caps off (for tests and demos); opt-outs always hold
 * @param sendingTime the preferred local time of day for a stage's message, in the debtor's time zone
 * @param defaultZone the time zone of a debt that names none
 */
@Validated
@ConfigurationProperties("mora.contact")
public record ContactProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("10:00") LocalTime sendingTime,
		@NotNull @DefaultValue("America/Lima") ZoneId defaultZone) {

}
