package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's chat page and the JSON it polls: the debtors' phones, as they would show Mora's messages. All of it
 * sits behind Mora's HTTP Basic login, since it shows phone numbers in full.
 */
@RestController
class SimulatorController {

	/**
	 * Not under {@code static/}: a static resource would be served at {@code /simulator/index.html}, outside the
	 * login that guards {@code /simulator}.
	 */
	static final String PAGE = "simulator/index.html";

	private final SimulatorStore store;

	private final String page;

	SimulatorController(SimulatorStore store) throws IOException {
		this.store = store;
		this.page = new ClassPathResource(PAGE).getContentAsString(StandardCharsets.UTF_8);
	}

	@GetMapping(path = "/simulator", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.page);
	}

	@GetMapping(path = "/simulator/api/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
	List<SimulatorStore.ConversationSummary> conversations() {
		return this.store.conversations();
	}

	/** A phone's messages; the phone with or without its '+' ({@code %2B51987654321} or {@code 51987654321}). */
	@GetMapping(path = "/simulator/api/conversations/{phone}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<SimulatedMessage>> messages(@PathVariable String phone) {
		return ResponseEntity.of(this.store.messages(phone));
	}

}
