package fr.esms.indicateurs.closing;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cloture;DB_CLOSE_DELAY=-1")
class H2ClosingTest extends ClosingContractTest {
}
