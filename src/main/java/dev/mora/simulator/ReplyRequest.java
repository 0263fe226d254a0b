package dev.mora.simulator;

/**
 * What the debtor does on the simulated phone: types a text, or taps a reply button of one of Mora's messages.
 *
 * @param text a free text; or null for a tap
 * @param buttonPayload the tapped button's payload (or reply id); or null for a text
 * @param buttonText the tapped button's text, if the caller knows it; the message's own button decides
 * @param contextWamid the wamid of the message whose button was tapped
 */
record ReplyRequest(String text, String buttonPayload, String buttonText, String contextWamid) {

	boolean isTap() {
		return this.buttonPayload != null;
	}

}
