package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The simulator's page and the JSON it reads: the debtors' phones, as they would see Mora's messages. */
@RestController
class SimulatorController {

	private final SimulatorStore store;

	private final String page;

	SimulatorController(SimulatorStore store) throws IOException {
		this.store = store;
		this.page = new ClassPathResource("simulator/index.html").getContentAsString(StandardCharsets.UTF_8);
	}

	@GetMapping(path = "/simulator", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return this.page;
	}

	@GetMapping("/simulator/api/conversations")
	List<SimulatorStore.ConversationSummary> conversations() {
		return this.store.conversations();
	}

	@GetMapping("/simulator/api/conversations/{phone}")
	ResponseEntity<List<SimulatedMessage>> conversation(@PathVariable String phone) {
		String e164 = phone.startsWith("+") ? phone : "+" + phone.strip();
		return ResponseEntity.of(this.store.conversation(e164));
	}

}
