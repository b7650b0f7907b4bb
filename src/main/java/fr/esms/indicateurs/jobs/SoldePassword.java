package fr.esms.indicateurs.jobs;

import org.springframework.stereotype.Component;

/**
 * The workbook password of the solde run in progress, held in memory only: a job parameter would be stored in
 * the job repository. The launcher sets it before the run and clears it after.
 */
@Component
public class SoldePassword {

    private volatile String password;

    void set(String password) {
        this.password = password;
    }

    String get() {
        return password;
    }

    void clear() {
        password = null;
    }
}
