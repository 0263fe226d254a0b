package dev.mora.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The simulated phones' conversations, in memory and bounded: a local tool, not a record of anything. */
@Component
class SimulatorStore {

	static final int MAX_CONVERSATIONS = 1_000;

	static final int MAX_MESSAGES = 200;

	private final Map<String, Deque<SimulatedMessage>> conversations = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Deque<SimulatedMessage>> eldest) {
			return size() > MAX_CONVERSATIONS;
		}
	};

	synchronized void add(String phone, SimulatedMessage message) {
		Deque<SimulatedMessage> messages = this.conversations.computeIfAbsent(phone, (key) -> new ArrayDeque<>());
		messages.addLast(message);
		while (messages.size() > MAX_MESSAGES) {
			messages.removeFirst();
		}
	}

	synchronized List<ConversationSummary> conversations() {
		List<ConversationSummary> summaries = new ArrayList<>();
		this.conversations.forEach((phone, messages) -> summaries
			.add(new ConversationSummary(phone, messages.size(), messages.getLast().at(), messages.getLast().text())));
		summaries.sort(Comparator.comparing(ConversationSummary::lastMessageAt).reversed());
		return summaries;
	}

	synchronized Optional<List<SimulatedMessage>> conversation(String phone) {
		Deque<SimulatedMessage> messages = this.conversations.get(phone);
		return (messages != null) ? Optional.of(List.copyOf(messages)) : Optional.empty();
	}

	synchronized void clear() {
		this.conversations.clear();
	}

	record ConversationSummary(String phone, int messages, Instant lastMessageAt, String lastText) {
	}

}
