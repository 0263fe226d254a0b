package dev.mora.whatsapp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic on a clock moved by hand; its accuracy against a real clock is a benchmark's job. */
class SendThrottleTest {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final SendThrottle throttle = new SendThrottle(80, Duration.ofSeconds(6), this.nanos::get);

	@Test
	void eightyMessagesASecondAreSpacedAnEightiethOfASecondApart() {
		assertThat(this.throttle.reserve("51900000001")).isZero();
		assertThat(this.throttle.reserve("51900000002")).isEqualTo(Duration.ofNanos(12_500_000));
		assertThat(this.throttle.reserve("51900000003")).isEqualTo(Duration.ofNanos(25_000_000));

		this.nanos.addAndGet(1_000_000_000L);

		assertThat(this.throttle.reserve("51900000004")).isZero();
	}

	@Test
	void oneRecipientGetsOneMessageEverySixSeconds() {
		assertThat(this.throttle.reserve("51987654321")).isZero();
		assertThat(this.throttle.reserve("51987654321")).isEqualTo(Duration.ofSeconds(6));

		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());

		assertThat(this.throttle.reserve("51987654321")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.throttle.reserve("51912345678")).isEqualTo(Duration.ofNanos(12_500_000));
	}

}
