package dev.mora.whatsapp;

import java.time.Instant;

/**
 * One event of a WhatsApp webhook: an inbound {@code MESSAGE} from a debtor, or a delivery {@code STATUS} of a
 * message Mora sent.
 *
 * @param id the stored event's id
 * @param kind {@code MESSAGE} or {@code STATUS}
 * @param externalId Meta's message id, or {@code <wamid>/<status>} for a status
 * @param phone the debtor's number, E.164
 * @param messageType {@code text}, {@code button}, {@code interactive}, {@code image}...
 * @param body the text, for text messages (and a button's title)
 * @param payload a button's payload, such as {@code REFINANCE:INV-1001}; for a status, the send's
 * {@code biz_opaque_callback_data}, such as {@code INV-1001/PRE_DUE}
 * @param contextWamid the message replied to
 * @param status a status: {@code sent}, {@code delivered}, {@code read}, {@code failed}
 * @param errorCode a failed status' error code
 * @param sentAt when the debtor sent it, or when the status happened (Meta's timestamp)
 * @param intent what a processed reply was read as, or null
 */
public record InboundEvent(long id, String kind, String externalId, String phone, String messageType, String body,
		String payload, String contextWamid, String status, Integer errorCode, Instant sentAt, String intent) {

	public static final String MESSAGE = "MESSAGE";

	public static final String STATUS = "STATUS";

}
