package dev.mora.refinancing;

/**
 * The {@code Refinancing} process ({@code processes/Refinancing.bpmn}): its key, element ids and variables, so that
 * Java and tests never repeat them.
 */
public final class Refinancing {

	public static final String KEY = "Refinancing";

	private Refinancing() {
	}

	/** Element ids of {@code Refinancing.bpmn}. */
	public static final class Elements {

		public static final String REVIEW = "UserTask_ReviewRefinancing";

		public static final String CHECK_AGENT_DECISION = "Task_CheckAgentDecision";

		public static final String SUPERVISOR_APPROVAL = "UserTask_SupervisorApproval";

		public static final String CHECK_SUPERVISOR_DECISION = "Task_CheckSupervisorDecision";

		public static final String REVIEW_OVERDUE = "Boundary_ReviewOverdue";

		public static final String END_ESCALATED = "EndEvent_ReviewEscalated";

		public static final String END_APPROVED = "EndEvent_RefinancingApproved";

		public static final String END_REJECTED = "EndEvent_RefinancingRejected";

		private Elements() {
		}

	}

	/** The variables the review's form (and the REST API) completes the tasks with. */
	public static final class Variables {

		/** Passed in by the lifecycle that calls the review. */
		public static final String DEBT_ID = "debtId";

		public static final String APPROVED = "approved";

		public static final String INSTALLMENTS = "installments";

		public static final String FIRST_DUE_DATE = "firstDueDate";

		private Variables() {
		}

	}

}
