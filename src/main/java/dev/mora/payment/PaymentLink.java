package dev.mora.payment;

/** Where a debtor pays: the whole {@code url}, and the tail a WhatsApp URL button carries. */
public record PaymentLink(String url, String buttonSuffix) {
}
