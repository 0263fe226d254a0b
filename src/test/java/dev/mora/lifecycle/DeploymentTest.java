package dev.mora.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a process designer edits in Modeler reaches the engine: every process, decision and form. */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:lifecycle-process-test;DB_CLOSE_DELAY=-1",
		"mora.contact.sending-time=10:00", "mora.contact.enabled=true" })
class DeploymentTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Test
	void everyFileInProcessesAndFormsIsDeployed() throws IOException {
		List<String> deployed = this.repositoryService.createDeploymentQuery()
			.list()
			.stream()
			.flatMap((deployment) -> this.repositoryService.getDeploymentResources(deployment.getId()).stream())
			.map(Resource::getName)
			.map((name) -> name.substring(name.lastIndexOf('/') + 1))
			.toList();

		assertThat(deployed).containsAll(fileNames("processes")).containsAll(fileNames("forms"));
		assertThat(fileNames("forms")).isNotEmpty();
	}

	@Test
	void everyFormIsReferencedByAUserTaskAndEveryReferenceHasItsForm() throws IOException {
		List<String> forms = fileNames("forms").stream().map((name) -> name.replace(".form", "")).toList();
		StringBuilder bpmn = new StringBuilder();
		for (String file : fileNames("processes")) {
			if (file.endsWith(".bpmn")) {
				bpmn.append(Files.readString(Path.of("processes", file)));
			}
		}
		Matcher references = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn);
		List<String> referenced = references.results().map((match) -> match.group(1)).distinct().toList();

		assertThat(referenced).containsExactlyInAnyOrderElementsOf(forms);
	}

	@Test
	void fileNameIsTheIdOfWhatItHolds() throws IOException {
		for (String file : fileNames("processes")) {
			String id = file.substring(0, file.lastIndexOf('.'));
			assertThat(Files.readString(Path.of("processes", file))).as(file).contains("id=\"" + id + "\"");
		}
		for (String file : fileNames("forms")) {
			String id = file.substring(0, file.lastIndexOf('.'));
			assertThat(Files.readString(Path.of("forms", file))).as(file).contains("\"id\": \"" + id + "\"");
		}
	}

	@Test
	void tasklistIsAWorkplaceWithGroupsDemoUsersAndFilters() {
		assertThat(this.identityService.createGroupQuery().groupIdIn("collection-agents", "collection-supervisors")
			.count()).isEqualTo(2);
		assertThat(this.identityService.checkPassword("agente", "agente")).isTrue();
		assertThat(this.identityService.createUserQuery().memberOfGroup("collection-agents").userId("agente").count())
			.isEqualTo(1);
		assertThat(this.identityService.createUserQuery().memberOfGroup("collection-supervisors").userId("supervisor")
			.count()).isEqualTo(1);
		assertThat(this.filterService.createTaskFilterQuery().list()).extracting(Filter::getName)
			.contains("Tareas de mis grupos", "Refinanciamientos", "Contacto manual", "Disputas", "Mis tareas",
					"Tareas vencidas");
	}

	private static List<String> fileNames(String folder) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(folder))) {
			return files.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
