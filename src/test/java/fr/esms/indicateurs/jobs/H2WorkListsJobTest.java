package fr.esms.indicateurs.jobs;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:listes;DB_CLOSE_DELAY=-1")
class H2WorkListsJobTest extends WorkListsJobContractTest {
}
