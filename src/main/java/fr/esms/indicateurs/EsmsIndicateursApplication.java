package fr.esms.indicateurs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EsmsIndicateursApplication {
}
