package dev.mora.lifecycle;

import dev.mora.whatsapp.WhatsAppErrorKind;
import dev.mora.whatsapp.WhatsAppException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import org.springframework.stereotype.Component;

/**
 * A job that fails on a WhatsApp account-level error (blocked, locked, unpaid, bad token) raises its incident at
 * once instead of retrying for hours: retries cannot help, and Cockpit is where operators look.
 */
@Component
class AccountErrorRetryPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory((jobId, exception) -> new AccountAwareRetryCmd(jobId, exception));
	}

	static boolean isAccountError(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof WhatsAppException whatsApp && whatsApp.kind() == WhatsAppErrorKind.ACCOUNT) {
				return true;
			}
		}
		return false;
	}

	static class AccountAwareRetryCmd extends DefaultJobRetryCmd {

		AccountAwareRetryCmd(String jobId, Throwable exception) {
			super(jobId, exception);
		}

		@Override
		public Object execute(CommandContext commandContext) {
			Object result = super.execute(commandContext);
			if (isAccountError(this.exception)) {
				JobEntity job = commandContext.getJobManager().findJobById(this.jobId);
				if (job != null && job.getRetries() > 0) {
					job.setRetries(0);
				}
			}
			return result;
		}

	}

}
