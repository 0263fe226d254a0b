package dev.mora.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Stops all sending after an account-level error (policy block 368, locked account 131031, billing 131042, invalid
 * token 190): sending more would only dig deeper. Shown on {@code /actuator/health} as {@code whatsApp: DOWN}; an
 * operator resumes it with {@code POST /api/whatsapp/resume} once the account is fixed.
 */
@Component("whatsApp")
public class SendingSwitch implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(SendingSwitch.class);

	private final AtomicReference<Stop> stop = new AtomicReference<>();

	private final Clock clock;

	SendingSwitch(Clock clock) {
		this.clock = clock;
	}

	void stop(WhatsAppException error) {
		if (this.stop.compareAndSet(null, new Stop(error.code(), error.getMessage(), this.clock.instant()))) {
			logger.error("All WhatsApp sending stopped: {}", error.getMessage());
		}
	}

	/** @throws WhatsAppException while sending is stopped */
	void checkOpen() {
		Stop current = this.stop.get();
		if (current != null) {
			throw new WhatsAppException(current.code(), "sending is stopped since " + current.at() + ": "
					+ current.reason(), WhatsAppErrorKind.ACCOUNT, null);
		}
	}

	public boolean resume() {
		Stop previous = this.stop.getAndSet(null);
		if (previous != null) {
			logger.warn("WhatsApp sending resumed (stopped since {}: {})", previous.at(), previous.reason());
		}
		return previous != null;
	}

	@Override
	public Health health() {
		Stop current = this.stop.get();
		if (current == null) {
			return Health.up().build();
		}
		return Health.down()
			.withDetail("code", current.code())
			.withDetail("reason", current.reason())
			.withDetail("since", current.at().toString())
			.build();
	}

	private record Stop(int code, String reason, Instant at) {
	}

}
