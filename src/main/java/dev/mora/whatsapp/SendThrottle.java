package dev.mora.whatsapp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps sends within WhatsApp's limits: the account's messages per second, and the pair rate (one message to the same
 * recipient every few seconds; error 131056 otherwise). {@link #reserve} answers how long a send must wait; the
 * caller waits that long. Wall-clock time, not business time: these are Meta's limits.
 */
public class SendThrottle {

	private static final int REMEMBERED_RECIPIENTS = 10_000;

	private final long intervalNanos;

	private final long pairIntervalNanos;

	private final LongSupplier ticker;

	private long nextFree;

	private final Map<String, Long> nextForRecipient = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > REMEMBERED_RECIPIENTS;
		}
	};

	public SendThrottle(int messagesPerSecond, Duration pairInterval, LongSupplier ticker) {
		this.intervalNanos = 1_000_000_000L / messagesPerSecond;
		this.pairIntervalNanos = pairInterval.toNanos();
		this.ticker = ticker;
		this.nextFree = ticker.getAsLong();
	}

	/** Reserves the next slot for a send to {@code recipient}; answers how long to wait for it. */
	public synchronized Duration reserve(String recipient) {
		long now = this.ticker.getAsLong();
		long rateSlot = Math.max(now, this.nextFree);
		// A recipient waiting for its pair interval does not hold back the others.
		this.nextFree = rateSlot + this.intervalNanos;
		Long pairSlot = this.nextForRecipient.get(recipient);
		long slot = (pairSlot != null) ? Math.max(rateSlot, pairSlot) : rateSlot;
		this.nextForRecipient.put(recipient, slot + this.pairIntervalNanos);
		return Duration.ofNanos(slot - now);
	}

	/** Waits for the reserved slot. */
	public void await(String recipient) {
		Duration wait = reserve(recipient);
		if (!wait.isZero()) {
			try {
				Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw WhatsAppException.unreachable("interrupted while waiting for the send rate", ex);
			}
		}
	}

}
