package dev.mora.refinancing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;

import dev.mora.contact.ContactPolicy;
import dev.mora.contact.ContactProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an agent's review of a refinancing is late: {@code mora.refinancing.review-deadline} (one day) from now,
 * moved to a working day by the contact calendar, so a request on Friday evening escalates on Monday.
 */
@Component("refinancingDeadlines")
public class RefinancingDeadlines {

	private final Clock clock;

	private final ContactPolicy calendar;

	private final ContactProperties contact;

	private final Duration reviewDeadline;

	RefinancingDeadlines(Clock clock, ContactPolicy calendar, ContactProperties contact,
			@Value("${mora.refinancing.review-deadline:P1D}") Duration reviewDeadline) {
		this.clock = clock;
		this.calendar = calendar;
		this.contact = contact;
		this.reviewDeadline = reviewDeadline;
	}

	public Date reviewDeadline() {
		ZonedDateTime due = ZonedDateTime.now(this.clock.withZone(this.contact.defaultZone())).plus(this.reviewDeadline);
		return Date.from(this.calendar.slotFor(due, ContactPolicy.Direction.LATER).toInstant());
	}

}
