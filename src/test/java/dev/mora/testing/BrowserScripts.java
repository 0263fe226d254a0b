package dev.mora.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a playwright-core script of {@code src/test/browser} in Debian's Chromium and fails (never skips) when the
 * browser, Node.js or playwright-core are missing, or when the script does.
 */
public final class BrowserScripts {

	public static final Path BROWSER_TESTS = Path.of("src/test/browser").toAbsolutePath();

	public static final Path OUTPUT = Path.of("target/browser").toAbsolutePath();

	private static final Path PLAYWRIGHT = BROWSER_TESTS.resolve("node_modules/playwright-core/package.json");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** The whole script, Chromium's start included; its steps wait 20 s at most each. */
	private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

	private static final Logger logger = LoggerFactory.getLogger(BrowserScripts.class);

	private BrowserScripts() {
	}

	public static void assertBrowserInstalled() {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("Debian's Chromium is missing at " + CHROMIUM + ": install it with `apt-get install -y chromium`");
		}
		if (!Files.isRegularFile(PLAYWRIGHT)) {
			fail("playwright-core is not installed in " + BROWSER_TESTS + ": run `cd src/test/browser && npm ci` "
					+ "(mvn verify runs it before the integration tests)");
		}
	}

	/** Runs {@code node <script> <arguments...>} and asserts it exits with 0. */
	public static void run(String script, String... arguments) throws IOException, InterruptedException {
		assertBrowserInstalled();
		Files.createDirectories(OUTPUT);
		Path log = OUTPUT.resolve(script.replace(".mjs", ".log"));
		List<String> command = new ArrayList<>(List.of("node", BROWSER_TESTS.resolve(script).toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder node = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Process process;
		try {
			process = node.start();
		}
		catch (IOException ex) {
			throw new AssertionError("Node.js is needed to run " + script + " (Node 20 or later on the PATH)", ex);
		}
		boolean finished = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			// Only what this test started: the script and the Chromium it launched.
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		logger.info("{} said:\n{}", script, output);
		if (!finished) {
			fail(script + " did not finish within " + SCRIPT_TIMEOUT + "; its output:\n" + output);
		}
		assertThat(process.exitValue()).as("exit code of %s; its output:%n%s", script, output).isZero();
	}

}
