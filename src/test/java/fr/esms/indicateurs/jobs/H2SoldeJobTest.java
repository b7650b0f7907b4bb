package fr.esms.indicateurs.jobs;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:solde-job;DB_CLOSE_DELAY=-1")
class H2SoldeJobTest extends SoldeJobContractTest {
}
