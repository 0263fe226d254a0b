package dev.mora.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mora.whatsapp.MessageFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Reports the delivery of Mora's messages to Mora's webhook, as Meta does: {@code sent} and {@code delivered} right
 * after a send is accepted, {@code read} when the person opens the conversation. One thread posts them in order, so
 * that Mora's client has the send's answer first and the statuses of a message arrive in their order.
 */
@Component
class StatusEmitter implements DisposableBean {

	/** How long closing waits for the statuses still queued; the thread is never interrupted. */
	private static final Duration DRAIN = Duration.ofSeconds(15);

	/** How long a status waits for the send's answer to go out; it is written right away, so this is a bound. */
	private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

	/** Statuses waiting for a slow webhook; past this, new ones are dropped rather than piling up in memory. */
	private static final int MAX_QUEUED = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(StatusEmitter.class);

	private final SimulatorStore store;

	private final MoraWebhook webhook;

	private final WebhookBodies bodies;

	private final Clock clock;

	private final Executor executor;

	@Autowired
	StatusEmitter(SimulatorStore store, MoraWebhook webhook, WebhookBodies bodies, Clock clock) {
		this(store, webhook, bodies, clock, singleThread());
	}

	/** @param executor runs the posts in the order given; {@code Runnable::run} posts at once, in the caller */
	StatusEmitter(SimulatorStore store, MoraWebhook webhook, WebhookBodies bodies, Clock clock, Executor executor) {
		this.store = store;
		this.webhook = webhook;
		this.bodies = bodies;
		this.clock = clock;
		this.executor = executor;
	}

	private static ExecutorService singleThread() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("simulator-statuses-");
		// A daemon: a webhook that hangs must not keep the JVM alive once the context is closed.
		threads.setDaemon(true);
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_QUEUED), threads);
	}

	/**
	 * The phone has the message: {@code sent}, then {@code delivered}, once Mora has the send's answer. They are
	 * queued at once, so that {@link #awaitQueued} covers them, and wait for the answer in the queue.
	 * @param answered completes when the send's answer is out
	 */
	void accepted(String waId, SimulatedMessage message, CompletionStage<?> answered) {
		submit(() -> {
			awaitAnswer(answered);
			emit(waId, message, SimulatedMessage.SENT);
		});
		submit(() -> {
			this.store.advance(waId, message.wamid(), SimulatedMessage.DELIVERED);
			emit(waId, message, SimulatedMessage.DELIVERED);
		});
	}

	/** The person read these messages (the store has them read already). */
	void read(String waId, List<SimulatedMessage> messages) {
		for (SimulatedMessage message : messages) {
			submit(() -> emit(waId, message, SimulatedMessage.READ));
		}
	}

	/**
	 * Waits until every status queued before this call has been posted. For tests, which must not sleep: the posts
	 * run in order on one thread, so a marker that runs after them says they are done.
	 * @return whether they were done within the wait
	 */
	boolean awaitQueued(Duration wait) throws InterruptedException {
		try {
			CompletableFuture.runAsync(() -> {
			}, this.executor).get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException | RejectedExecutionException ex) {
			throw new IllegalStateException("The status queue is closed", ex);
		}
	}

	private static void awaitAnswer(CompletionStage<?> answered) {
		try {
			answered.toCompletableFuture().get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The answer is out, lost or very slow: the message was delivered either way.
		}
	}

	private void submit(Runnable post) {
		try {
			this.executor.execute(post);
		}
		catch (RejectedExecutionException ex) {
			logger.info("A simulated status was dropped: the simulator is closing or too many are queued");
		}
	}

	private void emit(String waId, SimulatedMessage message, String status) {
		try {
			int answer = this.webhook.post(this.bodies.status(waId, message, status, this.clock.instant()));
			if (answer / 100 == 2) {
				logger.debug("Mora's webhook took status {} of {}", status, message.wamid());
			}
			else {
				logger.info("Mora's webhook answered {} to status {} of {} to {}", answer, status, message.wamid(),
						MessageFormats.maskPhone(waId));
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.info("Status {} of {} not reported: Mora's webhook cannot be reached ({})", status, message.wamid(),
					ex.getMessage());
		}
	}

	/** Lets the statuses already queued go out, within a bound; never interrupts a post in flight. */
	@Override
	public void destroy() throws InterruptedException {
		if (this.executor instanceof ExecutorService service) {
			service.shutdown();
			if (!service.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Simulator statuses still queued after {}; left to finish on their own", DRAIN);
			}
		}
	}

}
