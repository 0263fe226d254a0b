package dev.mora.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorStoreTest {

	private static final Instant T0 = Instant.parse("2026-12-12T15:00:00Z");

	@Test
	void keepsEachPhonesMessagesInOrderWithASummary() {
		SimulatorStore store = new SimulatorStore();

		store.add("51987654321", "María", message("wamid.1", 0, "Hola María"));
		store.add("+51987654321", null, message("wamid.2", 60, "Último aviso"));

		assertThat(store.messages("+51987654321").orElseThrow()).extracting(SimulatedMessage::wamid)
			.containsExactly("wamid.1", "wamid.2");
		assertThat(store.messages("51987654321")).isEqualTo(store.messages("+51987654321"));
		assertThat(store.conversations()).containsExactly(new SimulatorStore.ConversationSummary("+51987654321",
				"María", T0.plusSeconds(60), 2, "Último aviso"));
	}

	@Test
	void aPhoneWithoutMessagesHasNoConversation() {
		assertThat(new SimulatorStore().messages("+51900000000")).isEmpty();
		assertThat(new SimulatorStore().conversations()).isEmpty();
	}

	@Test
	void listsTheMostRecentlyActiveConversationFirst() {
		SimulatorStore store = new SimulatorStore();

		store.add("+51900000001", null, message("wamid.1", 0, "a"));
		store.add("+51900000002", null, message("wamid.2", 1, "b"));
		store.add("+51900000001", null, message("wamid.3", 2, "c"));

		assertThat(store.conversations()).extracting(SimulatorStore.ConversationSummary::phone)
			.containsExactly("+51900000001", "+51900000002");
	}

	@Test
	void keepsOnlyTheLastMessagesOfAConversation() {
		SimulatorStore store = new SimulatorStore(10, 3);

		for (int i = 1; i <= 5; i++) {
			store.add("+51900000001", null, message("wamid." + i, i, "m" + i));
		}

		assertThat(store.messages("+51900000001").orElseThrow()).extracting(SimulatedMessage::wamid)
			.containsExactly("wamid.3", "wamid.4", "wamid.5");
		assertThat(store.conversations().get(0).messageCount()).isEqualTo(3);
	}

	@Test
	void forgetsTheLeastRecentlyActiveConversationWhenFull() {
		SimulatorStore store = new SimulatorStore(2, 10);

		store.add("+51900000001", null, message("wamid.1", 1, "a"));
		store.add("+51900000002", null, message("wamid.2", 2, "b"));
		store.add("+51900000001", null, message("wamid.3", 3, "c"));
		store.add("+51900000003", null, message("wamid.4", 4, "d"));

		assertThat(store.conversations()).extracting(SimulatorStore.ConversationSummary::phone)
			.containsExactly("+51900000003", "+51900000001");
		assertThat(store.messages("+51900000002")).isEmpty();
	}

	@Test
	void aStatusMovesOnlyForward() {
		SimulatorStore store = new SimulatorStore();
		store.add("+51900000001", null, message("wamid.1", 0, "a"));

		assertThat(store.advance("51900000001", "wamid.1", SimulatedMessage.READ)).isTrue();
		assertThat(store.advance("51900000001", "wamid.1", SimulatedMessage.DELIVERED)).isFalse();
		assertThat(store.advance("51900000001", "wamid.1", SimulatedMessage.SENT)).isFalse();
		assertThat(store.advance("51900000001", "wamid.unknown", SimulatedMessage.READ)).isFalse();
		assertThat(store.advance("51900000009", "wamid.1", SimulatedMessage.READ)).isFalse();

		assertThat(store.message("+51900000001", "wamid.1").orElseThrow().status()).isEqualTo(SimulatedMessage.READ);
	}

	@Test
	void openingAConversationReadsMorasMessagesOnce() {
		SimulatorStore store = new SimulatorStore();
		store.add("+51900000001", "Rosa", message("wamid.1", 0, "a"));
		store.advance("+51900000001", "wamid.1", SimulatedMessage.DELIVERED);
		store.add("+51900000001", null, message("wamid.2", 1, "b"));
		store.add("+51900000001", null, SimulatedMessage.inboundText("wamid.3", T0.plusSeconds(2), "Hola"));

		SimulatorStore.Opened first = store.open("51900000001").orElseThrow();
		SimulatorStore.Opened second = store.open("+51900000001").orElseThrow();

		assertThat(first.readNow()).extracting(SimulatedMessage::wamid).containsExactly("wamid.1", "wamid.2");
		assertThat(first.readNow()).extracting(SimulatedMessage::status).containsOnly(SimulatedMessage.READ);
		assertThat(first.messages()).extracting(SimulatedMessage::status)
			.containsExactly(SimulatedMessage.READ, SimulatedMessage.READ, null);
		assertThat(second.readNow()).isEmpty();
		assertThat(second.messages()).isEqualTo(first.messages());
		assertThat(store.open("+51900000002")).isEmpty();
	}

	@Test
	void findsAMessageOfAConversationByItsWamid() {
		SimulatorStore store = new SimulatorStore();
		store.add("+51900000001", "Rosa", message("wamid.1", 0, "a"));

		assertThat(store.message("51900000001", "wamid.1")).map(SimulatedMessage::text).contains("a");
		assertThat(store.message("51900000001", "wamid.2")).isEmpty();
		assertThat(store.message("51900000002", "wamid.1")).isEmpty();
		assertThat(store.conversation("51900000001")).map(SimulatorStore.ConversationSummary::profileName)
			.contains("Rosa");
		assertThat(store.conversation("51900000002")).isEmpty();
	}

	@Test
	void takesMessagesFromManyThreadsAtOnce() throws Exception {
		SimulatorStore store = new SimulatorStore(1_000, 1_000);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> senders = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				int t = thread;
				senders.add(pool.submit(() -> {
					for (int i = 0; i < 250; i++) {
						store.add("+5190000000" + (i % 5), null, message("wamid." + t + "." + i, i, "m"));
						store.conversations();
					}
				}));
			}
			for (Future<?> sender : senders) {
				sender.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(store.conversations()).hasSize(5)
			.allSatisfy((conversation) -> assertThat(conversation.messageCount()).isEqualTo(200));
	}

	private static SimulatedMessage message(String wamid, int second, String text) {
		return SimulatedMessage.outbound(wamid, T0.plusSeconds(second), "text", null, text,
				List.of(SimulatedButton.quickReply("Refinanciar", "REFINANCE:INV-1")), null);
	}

}
