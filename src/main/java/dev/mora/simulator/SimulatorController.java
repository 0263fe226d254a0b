package dev.mora.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's chat page and the JSON it uses: the debtors' phones, as they would show Mora's messages, and their
 * replies. All of it sits behind Mora's HTTP Basic login, since it shows phone numbers in full and speaks for the
 * debtors.
 */
@RestController
class SimulatorController {

	/**
	 * Not under {@code static/}: a static resource would be served at {@code /simulator/index.html}, outside the
	 * login that guards {@code /simulator}.
	 */
	static final String PAGE = "simulator/index.html";

	private final SimulatorStore store;

	private final StatusEmitter statuses;

	private final SimulatedPhone phones;

	private final String page;

	private final ScriptedFailures failures;

	SimulatorController(SimulatorStore store, StatusEmitter statuses, SimulatedPhone phones, ScriptedFailures failures)
			throws IOException {
		this.failures = failures;
		this.store = store;
		this.statuses = statuses;
		this.phones = phones;
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

	/**
	 * A phone's messages; the phone with or without its '+' ({@code %2B51987654321} or {@code 51987654321}). Fetching
	 * them is the person opening the conversation: Mora's messages in it are read, and Mora hears so.
	 */
	@GetMapping(path = "/simulator/api/conversations/{phone}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<SimulatedMessage>> messages(@PathVariable String phone) {
		return ResponseEntity.of(this.store.open(phone).map((opened) -> {
			this.statuses.read(SimulatorStore.phoneKey(phone).substring(1), opened.readNow());
			return opened.messages();
		}));
	}

	/**
	 * The debtor answers: a text, or a tap on a reply button. The answer's status is the one Mora's webhook gave (502
	 * if it could not be reached); the reply stays in the conversation either way.
	 */
	@PostMapping(path = "/simulator/api/conversations/{phone}/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> reply(@PathVariable String phone, @RequestBody ReplyRequest request) {
		SimulatedPhone.Reply reply = this.phones.reply(phone, request);
		int status = reply.webhookStatus();
		if (status >= 200 && status < 300) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("wamid", reply.message().wamid());
			body.put("webhookStatus", status);
			return ResponseEntity.status(status).body(body);
		}
		ProblemDetail problem;
		if (!reply.reached()) {
			problem = problem(HttpStatus.BAD_GATEWAY.value(), "Mora's webhook cannot be reached",
					"The reply stays on the phone; POST " + MoraWebhook.PATH + " failed: " + reply.failure());
		}
		else {
			// A redirect or an informational answer is no answer from a webhook.
			boolean error = status >= 400 && status < 600;
			problem = problem(error ? status : HttpStatus.BAD_GATEWAY.value(), "Mora's webhook refused the reply",
					"The reply stays on the phone; POST " + MoraWebhook.PATH + " answered " + status);
			problem.setProperty("webhookStatus", status);
		}
		problem.setProperty("wamid", reply.message().wamid());
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * The next sends to the phone answer one of Meta's errors ({@code {"code":130429,"times":2}}): to try how Mora
	 * retries a rate limit (130429), hands an unreachable number to an agent (131026) or stops all sending (131031).
	 */
	@PostMapping(path = "/simulator/api/conversations/{phone}/failures", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> failures(@PathVariable String phone, @RequestBody FailureRequest request) {
		if (request == null || request.code() == null || !CloudApiError.SCRIPTABLE.containsKey(request.code())) {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST.value(), "Unknown error code",
					"code must be one of " + new java.util.TreeSet<>(CloudApiError.SCRIPTABLE.keySet()));
			problem.setProperty("errors", List.of(Map.of("field", "code", "message", "is not an error the simulator knows")));
			return ResponseEntity.badRequest().body(problem);
		}
		int times = (request.times() != null) ? request.times() : 1;
		if (times < 1 || times > 10) {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST.value(), "Bad number of times",
					"times must be from 1 to 10");
			problem.setProperty("errors", List.of(Map.of("field", "times", "message", "must be from 1 to 10")));
			return ResponseEntity.badRequest().body(problem);
		}
		this.failures.script(phone, request.code(), times);
		return ResponseEntity.accepted().body(Map.of("phone", SimulatorStore.phoneKey(phone), "code", request.code(),
				"times", times));
	}

	/** What the next sends to a phone answer: one of Meta's error codes, so many times (1 by default). */
	record FailureRequest(Integer code, Integer times) {
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ReplyRefused ex) {
		return ResponseEntity.status(ex.status()).body(problem(ex.status().value(), "Reply not sent", ex.getMessage()));
	}

	private static ProblemDetail problem(int status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://mora.dev/problems/simulator-reply"));
		return problem;
	}

}
