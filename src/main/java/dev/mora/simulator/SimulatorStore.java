package dev.mora.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

	/** The phone's conversation at a glance, or empty if it has none. */
	synchronized Optional<ConversationSummary> conversation(String phone) {
		return Optional.ofNullable(this.conversations.get(phoneKey(phone))).map(Conversation::summary);
	}

	/** The message with this wamid in the phone's conversation, if it is still kept. */
	synchronized Optional<SimulatedMessage> message(String phone, String wamid) {
		Conversation conversation = this.conversations.get(phoneKey(phone));
		return (conversation != null) ? conversation.find(wamid) : Optional.empty();
	}

	/**
	 * Moves one of Mora's messages to a later delivery status; a status that would move it back is ignored, as
	 * WhatsApp's statuses may come out of order.
	 * @return whether the message moved
	 */
	synchronized boolean advance(String phone, String wamid, String status) {
		Conversation conversation = this.conversations.get(phoneKey(phone));
		return conversation != null && conversation.advance(wamid, status);
	}

	/**
	 * The person opens the phone's conversation: every message of Mora's not read yet is read now.
	 * @return the conversation's messages after reading, and those that were read just now; empty if the phone has
	 * no conversation
	 */
	synchronized Optional<Opened> open(String phone) {
		Conversation conversation = this.conversations.get(phoneKey(phone));
		if (conversation == null) {
			return Optional.empty();
		}
		List<SimulatedMessage> readNow = new ArrayList<>();
		for (SimulatedMessage message : List.copyOf(conversation.messages)) {
			if (conversation.advance(message.wamid(), SimulatedMessage.READ)) {
				readNow.add(message.withStatus(SimulatedMessage.READ));
			}
		}
		return Optional.of(new Opened(List.copyOf(conversation.messages), readNow));
	}

	/**
	 * A conversation as the person opened it.
	 *
	 * @param messages all its messages, oldest first
	 * @param readNow Mora's messages that the opening read
	 */
	record Opened(List<SimulatedMessage> messages, List<SimulatedMessage> readNow) {
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

		/** Oldest first; an array list, since statuses replace messages in place. */
		private final List<SimulatedMessage> messages = new ArrayList<>();

		private String profileName;

		Conversation(String phone) {
			this.phone = phone;
		}

		void add(SimulatedMessage message, String profileName, int max) {
			this.messages.add(message);
			if (this.messages.size() > max) {
				this.messages.subList(0, this.messages.size() - max).clear();
			}
			if (profileName != null) {
				this.profileName = profileName;
			}
		}

		Optional<SimulatedMessage> find(String wamid) {
			return this.messages.stream().filter((message) -> message.wamid().equals(wamid)).findFirst();
		}

		boolean advance(String wamid, String status) {
			for (int i = this.messages.size() - 1; i >= 0; i--) {
				SimulatedMessage message = this.messages.get(i);
				if (message.wamid().equals(wamid)) {
					if (!message.movesForwardTo(status)) {
						return false;
					}
					this.messages.set(i, message.withStatus(status));
					return true;
				}
			}
			return false;
		}

		ConversationSummary summary() {
			SimulatedMessage last = this.messages.get(this.messages.size() - 1);
			return new ConversationSummary(this.phone, this.profileName, last.at(), this.messages.size(), last.text());
		}

	}

}
