package dev.mora.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Errors the simulator answers the next sends to a phone with, as a person asked on the simulator's API: to try on
 * the embedded default how Mora retries a rate limit or hands an unreachable number to an agent.
 */
@Component
class ScriptedFailures {

	private final Map<String, Deque<Integer>> byPhone = new ConcurrentHashMap<>();

	/** The next {@code times} sends to the phone answer Meta's error {@code code}. */
	void script(String phone, int code, int times) {
		Deque<Integer> next = this.byPhone.computeIfAbsent(SimulatorStore.phoneKey(phone), (key) -> new ArrayDeque<>());
		synchronized (next) {
			for (int i = 0; i < times; i++) {
				next.addLast(code);
			}
		}
	}

	/** The error the next send to this WhatsApp id answers with, taken; empty to accept it. */
	Optional<Integer> take(String waId) {
		Deque<Integer> next = this.byPhone.get(SimulatorStore.phoneKey(waId));
		if (next == null) {
			return Optional.empty();
		}
		synchronized (next) {
			return Optional.ofNullable(next.pollFirst());
		}
	}

}
