package dev.mora.whatsapp;

import java.util.Map;

import dev.mora.web.ApiPermissions;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the WhatsApp channel. */
@RestController
class WhatsAppAdminController {

	private final SendingSwitch sendingSwitch;

	private final ApiPermissions permissions;

	WhatsAppAdminController(SendingSwitch sendingSwitch, ApiPermissions permissions) {
		this.sendingSwitch = sendingSwitch;
		this.permissions = permissions;
	}

	/** Resumes sending after an account-level error was fixed; failed jobs are retried from Cockpit. */
	@PostMapping("/api/whatsapp/resume")
	Map<String, Object> resume() {
		// Whoever may retry the failed sends' jobs in Cockpit may let them send again.
		this.permissions.requireUpdate();
		return Map.of("resumed", this.sendingSwitch.resume());
	}

}
