package dev.mora.testing;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Flow-node coverage for {@code *ProcessTest}s: every test class must cover at least 90% of the processes it runs,
 * or it fails. The report of each class lands in {@code target/process-test-coverage}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

	public static final double AT_LEAST = 0.9;

	/** Primary: the imported configuration registers its default (no assertion) beside it. */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(AT_LEAST).build();
	}

}
