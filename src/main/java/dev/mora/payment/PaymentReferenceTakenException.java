package dev.mora.payment;

/** A payment reference an agent gave is recorded for another debt already: the same money cannot pay both. */
public class PaymentReferenceTakenException extends RuntimeException {

	PaymentReferenceTakenException(String provider, String paymentId, String debtId) {
		super("payment " + provider + "/" + paymentId + " is recorded for debt " + debtId + " already");
	}

}
