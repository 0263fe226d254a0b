package dev.mora.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The WhatsApp Cloud API payloads in Meta's shapes, under {@code src/test/resources/fixtures/whatsapp}. */
public final class Fixtures {

	private Fixtures() {
	}

	public static String whatsApp(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/whatsapp/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
