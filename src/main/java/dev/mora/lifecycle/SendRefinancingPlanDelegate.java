package dev.mora.lifecycle;

import java.util.ArrayList;
import java.util.List;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Tells the debtor the approved plan: each instalment, its amount and its due date. */
@Component
class SendRefinancingPlanDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_plan_refinanciamiento";

	private final DebtService debts;

	private final ReminderSender sender;

	private final Replies replies;

	SendRefinancingPlanDelegate(DebtService debts, ReminderSender sender, Replies replies) {
		this.debts = debts;
		this.sender = sender;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		if (this.replies.optedOut(debt)) {
			return;
		}
		List<String> lines = new ArrayList<>();
		for (int n = 1;; n++) {
			var instalment = this.debts.find(debt.debtId() + "-C" + n);
			if (instalment.isEmpty()) {
				break;
			}
			lines.add("cuota " + n + ": " + MessageFormats.money(instalment.get().amount(), debt.currency()) + " vence el "
					+ MessageFormats.date(instalment.get().dueDate()));
		}
		String detail = String.join("; ", lines);
		String key = "REFINANCING_PLAN";
		if (this.replies.withinWindow(debt.debtor().phone())) {
			this.replies.audit(debt, key, this.sender.sendText(debt, key, "Hola " + debt.debtor().firstName()
					+ ", aprobamos tu refinanciamiento en " + lines.size() + " cuotas: " + detail
					+ ". Te recordaremos cada una."), "plan de refinanciamiento pedido por el deudor");
		}
		else {
			this.replies.audit(debt, key, this.sender.send(debt, key, TEMPLATE,
					java.util.Map.of("cantidad", String.valueOf(lines.size()), "detalle", detail)),
					"plan de refinanciamiento pedido por el deudor, plantilla fuera de la ventana de 24 h");
		}
	}

}
