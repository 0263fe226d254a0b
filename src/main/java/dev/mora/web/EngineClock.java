package dev.mora.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Mora: it reads the engine's clock, so that when a test moves the engine's time
 * ({@code ClockUtil.setCurrentTime}) every service sees the same instant as the timers do.
 */
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock() {
		this(ZoneOffset.UTC);
	}

	private EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.now().toInstant();
	}

}
