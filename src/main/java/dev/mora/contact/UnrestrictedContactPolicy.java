package dev.mora.contact;

import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

/** Allows every time: the policy until lawful hours and holidays are enforced. */
@Component
class UnrestrictedContactPolicy implements ContactPolicy {

	@Override
	public ZonedDateTime slotFor(ZonedDateTime planned, Direction direction) {
		return planned;
	}

}
