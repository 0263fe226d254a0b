package dev.mora.debt;

/** The person who owes. {@code phone} is E.164 ({@code +51987654321}). */
public record Debtor(String id, String name, String phone) {

	/** The first name, as a greeting uses it. */
	public String firstName() {
		String trimmed = this.name.strip();
		int space = trimmed.indexOf(' ');
		return (space < 0) ? trimmed : trimmed.substring(0, space);
	}

}
