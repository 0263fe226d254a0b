package dev.mora.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Tells the debtor the approved plan: each instalment, its amount and its due date. */
@Component
class SendRefinancingPlanDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_plan_refinanciamiento";

	private final DebtService debts;

	private final Replies replies;

	SendRefinancingPlanDelegate(DebtService debts, Replies replies) {
		this.debts = debts;
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
		this.replies.answer(debt, key, "Hola " + debt.debtor().firstName() + ", aprobamos tu refinanciamiento en "
				+ lines.size() + " cuotas: " + detail + ". Te recordaremos cada una.", TEMPLATE,
				Map.of("cantidad", String.valueOf(lines.size()), "detalle", detail),
				"plan de refinanciamiento pedido por el deudor");
	}

}
