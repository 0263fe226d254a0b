package dev.mora.strategy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mora.web.AsSystem;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Reads the stages of a segment from the {@value #DECISION_KEY} DMN decision, latest deployed version.
 * The decision is evaluated with the DMN engine directly (not through the decision service) because it is read for
 * every plan and every debt view: that would fill the history with thousands of identical decision instances. It is
 * Mora's configuration, read as the system: whoever asks for a debt's view or starts its lifecycle need not be
 * authorized on decision definitions.
 */
@Service
public class DunningStrategy {

	public static final String DECISION_KEY = "DunningStrategy";

	/** The segment whose rows apply when a debt's segment has none of its own. */
	public static final String DEFAULT_SEGMENT = "STANDARD";

	private static final Logger logger = LoggerFactory.getLogger(DunningStrategy.class);

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final DmnEngine dmnEngine;

	private final Map<String, DmnDecision> decisions = new ConcurrentHashMap<>();

	DunningStrategy(RepositoryService repositoryService, IdentityService identityService,
			ProcessEngineConfiguration configuration) {
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.dmnEngine = ((ProcessEngineConfigurationImpl) configuration).getDmnEngine();
	}

	/** The stages of the segment, ordered by their day; the default segment's when it has no rows of its own. */
	public List<StageRule> stagesFor(String segment) {
		DmnDecision decision = latestDecision();
		List<StageRule> stages = evaluate(decision, segment);
		if (stages.isEmpty() && !DEFAULT_SEGMENT.equals(segment)) {
			logger.debug("Segment {} has no rows in {}; using {}", segment, DECISION_KEY, DEFAULT_SEGMENT);
			stages = evaluate(decision, DEFAULT_SEGMENT);
		}
		if (stages.isEmpty()) {
			throw new IllegalStateException(DECISION_KEY + " has no stages for segment " + DEFAULT_SEGMENT);
		}
		return stages;
	}

	private DmnDecision latestDecision() {
		return AsSystem.call(this.identityService, this::latestDeployedDecision);
	}

	private DmnDecision latestDeployedDecision() {
		DecisionDefinition definition = this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey(DECISION_KEY)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
		}
		return this.decisions.computeIfAbsent(definition.getId(), (id) -> this.dmnEngine
			.parseDecision(DECISION_KEY, this.repositoryService.getDecisionModel(id)));
	}

	private List<StageRule> evaluate(DmnDecision decision, String segment) {
		DmnDecisionResult result = this.dmnEngine.evaluateDecision(decision,
				Variables.createVariables().putValue("segment", segment));
		return result.stream()
			.map((row) -> new StageRule(row.getEntry("stage"), ((Number) row.getEntry("offsetDays")).intValue(),
					row.getEntry("template"), row.getEntry("tone")))
			.sorted(Comparator.comparingInt(StageRule::offsetDays))
			.toList();
	}

}
