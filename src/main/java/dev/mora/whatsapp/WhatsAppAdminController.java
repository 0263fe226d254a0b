package dev.mora.whatsapp;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the WhatsApp channel. */
@RestController
class WhatsAppAdminController {

	private final SendingSwitch sendingSwitch;

	WhatsAppAdminController(SendingSwitch sendingSwitch) {
		this.sendingSwitch = sendingSwitch;
	}

	/** Resumes sending after an account-level error was fixed; failed jobs are retried from Cockpit. */
	@PostMapping("/api/whatsapp/resume")
	Map<String, Object> resume() {
		return Map.of("resumed", this.sendingSwitch.resume());
	}

}
