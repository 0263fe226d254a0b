package dev.mora.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The simulated phones' conversations, keyed by phone number. They live in memory only and are bounded, oldest
 * first out: the simulator is a local tool to watch what Mora sends, not a record of anything (the message ledger
 * is).
 */
@Component
class SimulatorStore {

	static final int MAX_CONVERSATIONS = 1_000;

	static final int MAX_MESSAGES = 200;

	private final int maxConversations;

	private final int maxMessages;

	/** In order of last activity, so that the first one is the one to let go when full. */
	private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();

	SimulatorStore() {
		this(MAX_CONVERSATIONS, MAX_MESSAGES);
	}

	SimulatorStore(int maxConversations, int maxMessages) {
		this.maxConversations = maxConversations;
		this.maxMessages = maxMessages;
	}

	/** The key of a phone however it is written ({@code 51987654321}, {@code +51987654321}): E.164 with '+'. */
	static String phoneKey(String phone) {
		return "+" + phone.replaceAll("[^0-9]", "");
	}

	/**
	 * Adds a message to the phone's conversation.
	 * @param profileName the name the debtor is known by, or null to keep the one known so far
	 */
	synchronized void add(String phone, String profileName, SimulatedMessage message) {
		String key = phoneKey(phone);
		Conversation conversation = this.conversations.remove(key);
		if (conversation == null) {
			conversation = new Conversation(key);
		}
		this.conversations.put(key, conversation);
		conversation.add(message, profileName, this.maxMessages);
		while (this.conversations.size() > this.maxConversations) {
			this.conversations.remove(this.conversations.keySet().iterator().next());
		}
	}

	/** Every conversation, the most recently active first. */
	synchronized List<ConversationSummary> conversations() {
		List<ConversationSummary> summaries = new ArrayList<>(this.conversations.size());
		this.conversations.values().forEach((conversation) -> summaries.add(conversation.summary()));
		Collections.reverse(summaries);
		return summaries;
	}

	/** The phone's messages, oldest first, or empty if it has no conversation. */
	synchronized Optional<List<SimulatedMessage>> messages(String phone) {
		Conversation conversation = this.conversations.get(phoneKey(phone));
		return (conversation != null) ? Optional.of(List.copyOf(conversation.messages)) : Optional.empty();
	}

	/**
	 * One conversation at a glance.
	 *
	 * @param phone the debtor's phone, E.164
	 * @param profileName the name the debtor is known by, or null if unknown
	 * @param lastMessageAt when the last message was sent
	 * @param messageCount how many messages are kept
	 * @param lastText the last message's text
	 */
	record ConversationSummary(String phone, String profileName, Instant lastMessageAt, int messageCount,
			String lastText) {
	}

	/** Guarded by the store's lock. */
	private static final class Conversation {

		private final String phone;

		private final Deque<SimulatedMessage> messages = new ArrayDeque<>();

		private String profileName;

		Conversation(String phone) {
			this.phone = phone;
		}

		void add(SimulatedMessage message, String profileName, int max) {
			this.messages.addLast(message);
			while (this.messages.size() > max) {
				this.messages.removeFirst();
			}
			if (profileName != null) {
				this.profileName = profileName;
			}
		}

		ConversationSummary summary() {
			SimulatedMessage last = this.messages.getLast();
			return new ConversationSummary(this.phone, this.profileName, last.at(), this.messages.size(), last.text());
		}

	}

}
