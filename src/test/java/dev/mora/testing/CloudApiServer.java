package dev.mora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in for the WhatsApp Cloud API over real HTTP: it records every request and answers Meta's success body
 * with a fresh wamid, unless a test scripted other answers first.
 */
public final class CloudApiServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger();

	public CloudApiServer() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				CloudApiServer.this.requests.add(request);
				MockResponse next = CloudApiServer.this.scripted.poll();
				return (next != null) ? next : success();
			}
		});
		try {
			this.server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL to configure as {@code mora.whatsapp.api-base-url}. */
	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/** Answers the next request with an error body from the fixtures, such as {@code error-130429-rate-limit.json}. */
	public void answerNext(int status, String fixture) {
		this.scripted.add(new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json")
			.body(Fixtures.whatsApp(fixture))
			.build());
	}

	/** The requests received so far, their bodies parsed. */
	public List<JsonNode> bodies() {
		List<JsonNode> bodies = new ArrayList<>();
		for (RecordedRequest request : this.requests) {
			bodies.add(parse(request.getBody().utf8()));
		}
		return bodies;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** The template names sent, in order. */
	public List<String> templatesSent() {
		return bodies().stream().map((body) -> body.path("template").path("name").asText()).toList();
	}

	/** The {@code biz_opaque_callback_data} of every request, {@code debtId/stage}, in order. */
	public List<String> callbacksSent() {
		return bodies().stream().map((body) -> body.path("biz_opaque_callback_data").asText()).toList();
	}

	public void reset() {
		this.requests.clear();
		this.scripted.clear();
	}

	private MockResponse success() {
		String wamid = "wamid.TEST" + this.sequence.incrementAndGet();
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"51987654321\",\"wa_id\":\"51987654321\"}],"
					+ "\"messages\":[{\"id\":\"" + wamid + "\",\"message_status\":\"accepted\"}]}")
			.build();
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
