package fr.esms.indicateurs.jobs;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:agregats;DB_CLOSE_DELAY=-1")
class H2AggregatesJobTest extends AggregatesJobContractTest {
}
