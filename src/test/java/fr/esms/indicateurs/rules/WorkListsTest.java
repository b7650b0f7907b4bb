package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.DEPOSE;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.ERREUR;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.REMPLACE;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.SUPPRIME;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.ANNULE;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.PREVU;
import static fr.esms.indicateurs.rules.EssmsActivity.EventStatus.REALISE;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.ACTIF;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.CLOS;
import static fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus.EN_PREPARATION;
import static fr.esms.indicateurs.rules.Indicator.AGENDA;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Indicator.DOSSIERS_ACTIFS;
import static fr.esms.indicateurs.rules.Indicator.MSS;
import static fr.esms.indicateurs.rules.Indicator.PROJET_PERSONNALISE;
import static fr.esms.indicateurs.rules.MissingReason.DMP_DOCUMENT_DELETED;
import static fr.esms.indicateurs.rules.MissingReason.DMP_DOCUMENT_FAILED;
import static fr.esms.indicateurs.rules.MissingReason.DMP_LAST_BEFORE_WINDOW;
import static fr.esms.indicateurs.rules.MissingReason.DMP_NO_RECORD;
import static fr.esms.indicateurs.rules.MissingReason.EVENTS_CANCELLED;
import static fr.esms.indicateurs.rules.MissingReason.EVENT_ON_INACTIVE_RECORD;
import static fr.esms.indicateurs.rules.MissingReason.LAST_EVENT_BEFORE_WINDOW;
import static fr.esms.indicateurs.rules.MissingReason.NEXT_EVENT_AFTER_WINDOW;
import static fr.esms.indicateurs.rules.MissingReason.NO_DMP_DOCUMENT;
import static fr.esms.indicateurs.rules.MissingReason.NO_EVENT;
import static fr.esms.indicateurs.rules.MissingReason.NO_PROJECT;
import static fr.esms.indicateurs.rules.MissingReason.NO_RECORD;
import static fr.esms.indicateurs.rules.MissingReason.PROJECT_CLOSED;
import static fr.esms.indicateurs.rules.MissingReason.PROJECT_EXPIRED;
import static fr.esms.indicateurs.rules.MissingReason.PROJECT_ON_INACTIVE_RECORD;
import static fr.esms.indicateurs.rules.MissingReason.PROJECT_STARTS_AFTER_WINDOW;
import static fr.esms.indicateurs.rules.MissingReason.RECORD_NOT_UPDATED;
import static fr.esms.indicateurs.rules.MissingReason.RECORD_UPDATED_AFTER_WINDOW;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work lists of a hand-made EHPAD whose missing records are known, window 2026-03 (2026-03-01..2026-03-31).
 * Every expected line is written out: who, which record, why, which date.
 */
class WorkListsTest {

    /**
     * 12 persons accompanied; P01-P06, P11 and P12 have an active record (8). P07-P09 have a record not updated in
     * March, P10 has none. P06 also has a duplicate record D06B, last updated in December 2025.
     */
    static Scenario handMade() {
        return scenario()
                .activePerson("P01", "D01").activePerson("P02", "D02").activePerson("P03", "D03")
                .activePerson("P04", "D04").activePerson("P05", "D05").activePerson("P06", "D06")
                .record("D06B", "P06", "2025-12")
                .activePerson("P11", "D11").activePerson("P12", "D12")
                .accompanied("P07").record("D07", "P07", "2025-11", "2026-01")
                .accompanied("P08").record("D08", "P08", "2025-06")
                .accompanied("P09").record("D09", "P09", "2026-05")
                .accompanied("P10")
                // PP: P01 and P02 count; the others show each reason.
                .project("PP01", "D01", ACTIF, "2026-01-01", "2026-12-31")
                .project("PP02", "D02", EN_PREPARATION, null, null)
                .project("PP03", "D03", EN_PREPARATION, "2026-04-15", null)
                .project("PP04", "D04", ACTIF, "2025-01-01", "2026-02-15")
                .project("PP04-OLD", "D04", CLOS, "2024-01-01", "2024-12-31")
                .project("PP05", "D05", CLOS, "2025-03-01", "2026-02-28")
                .project("PP06", "D06B", EN_PREPARATION, null, null)
                .project("PP07", "D07", ACTIF, null, null)
                // Agenda: P01-P03 count.
                .event("E01", "D01", "2026-03-10", REALISE)
                .event("E02", "D02", "2026-03-20", PREVU)
                .event("E03", "D03", "2026-03-05", PREVU)
                .event("E04", "D04", "2026-03-12", ANNULE)
                .event("E05A", "D05", "2026-01-20", REALISE)
                .event("E05B", "D05", "2026-02-25", REALISE)
                .event("E06", "D06B", "2026-03-03", PREVU)
                .event("E11", "D11", "2026-04-02", PREVU)
                // MSS: 3 messages for 12 persons.
                .messages("M", 3, "2026-03-10")
                // DMP: P01-P07 count (a DMP counts on any record of an accompanied person).
                .document("DOC01", "D01", "2026-03-02", DEPOSE)
                .document("DOC02", "D02", "2026-03-30", REMPLACE)
                .document("DOC03", "D03", "2026-03-15", DEPOSE)
                .document("DOC04", "D04", "2026-03-01", DEPOSE)
                .document("DOC05", "D05", "2026-03-09", DEPOSE)
                .document("DOC06", "D06B", "2026-03-09", DEPOSE)
                .document("DOC07", "D07", "2026-03-21", DEPOSE)
                .document("DOC08", "D08", "2026-03-18", ERREUR)
                .document("DOC09A", "D09", "2026-01-10", DEPOSE)
                .document("DOC09B", "D09", "2026-03-04", SUPPRIME)
                .document("DOC11", "D11", "2026-02-01", DEPOSE);
    }

    private static MissingPerson line(String person, String record, MissingReason reason, String date) {
        return new MissingPerson(person, record, reason, date == null ? null : LocalDate.parse(date), null);
    }

    private static MissingPerson monthLine(String person, String record, MissingReason reason, String month) {
        return new MissingPerson(person, record, reason, null, month == null ? null : YearMonth.parse(month));
    }

    private static WorkListSection section(WorkList list, Indicator indicator) {
        return list.sections().stream().filter(s -> s.indicator() == indicator).findFirst().orElseThrow();
    }

    @Test
    void activeRecordsListNamesTheFourPersonsWithoutOneNearestFirst() {
        WorkListSection s = section(handMade().workList(), DOSSIERS_ACTIFS);

        // 8 / 12: 800 < 90 x 12 = 1080, manque (1080 - 800) / 100 rounded up = 3
        assertThat(s.result().attainment()).isEqualTo(Attainment.NON);
        assertThat(s.result().gap()).isEqualTo(3);
        // P07 updated in January (29 days before the window), P08 in June 2025, P09 only after, P10 no record
        assertThat(s.persons()).containsExactly(
                monthLine("P07", "D07", RECORD_NOT_UPDATED, "2026-01"),
                monthLine("P08", "D08", RECORD_NOT_UPDATED, "2025-06"),
                monthLine("P09", "D09", RECORD_UPDATED_AFTER_WINDOW, "2026-05"),
                monthLine("P10", null, NO_RECORD, null));
        assertThat(s.persons()).hasSize((int) s.denominatorMinusNumerator());
    }

    @Test
    void projectListPutsADateToCorrectBeforeAProjectToWrite() {
        WorkListSection s = section(handMade().workList(), PROJET_PERSONNALISE);

        // 2 / 8: 200 < 720, manque 6
        assertThat(s.result().gap()).isEqualTo(6);
        assertThat(s.persons()).containsExactly(
                line("P03", "D03", PROJECT_STARTS_AFTER_WINDOW, "2026-04-15"),
                line("P06", "D06B", PROJECT_ON_INACTIVE_RECORD, null),
                // the active PP that expired wins over the closed one of 2024
                line("P04", "D04", PROJECT_EXPIRED, "2026-02-15"),
                line("P05", "D05", PROJECT_CLOSED, "2026-02-28"),
                line("P11", "D11", NO_PROJECT, null),
                line("P12", "D12", NO_PROJECT, null));
        assertThat(s.persons()).hasSize((int) s.denominatorMinusNumerator());
    }

    @Test
    void agendaListGivesTheNearestEventOfEachPerson() {
        WorkListSection s = section(handMade().workList(), AGENDA);

        // 3 / 8: 300 < 720, manque 5
        assertThat(s.result().gap()).isEqualTo(5);
        assertThat(s.persons()).containsExactly(
                line("P04", "D04", EVENTS_CANCELLED, "2026-03-12"),
                line("P06", "D06B", EVENT_ON_INACTIVE_RECORD, "2026-03-03"),
                line("P05", "D05", LAST_EVENT_BEFORE_WINDOW, "2026-02-25"),
                line("P11", "D11", NEXT_EVENT_AFTER_WINDOW, "2026-04-02"),
                line("P12", "D12", NO_EVENT, null));
        assertThat(s.persons()).hasSize((int) s.denominatorMinusNumerator());
    }

    @Test
    void dmpListPutsAFailedDepositFirstAndAPersonWithoutRecordLast() {
        WorkListSection s = section(handMade().workList(), DMP);

        // 7 / 12: 700 < 840, manque 2
        assertThat(s.result().gap()).isEqualTo(2);
        assertThat(s.persons()).containsExactly(
                line("P08", "D08", DMP_DOCUMENT_FAILED, "2026-03-18"),
                // the deleted document of March wins over the deposit of January
                line("P09", "D09", DMP_DOCUMENT_DELETED, "2026-03-04"),
                line("P11", "D11", DMP_LAST_BEFORE_WINDOW, "2026-02-01"),
                line("P12", "D12", NO_DMP_DOCUMENT, null),
                line("P10", null, DMP_NO_RECORD, null));
        assertThat(s.persons()).hasSize((int) s.denominatorMinusNumerator());
    }

    @Test
    void mssCountsMessagesSoItsListNamesNobody() {
        WorkListSection s = section(handMade().workList(), MSS);

        // 3 messages / 12 persons: 300 < 840, manque 6 messages
        assertThat(s.nominative()).isFalse();
        assertThat(s.persons()).isEmpty();
        assertThat(s.result().gap()).isEqualTo(6);
    }

    @Test
    void everyListedSectionMatchesTheStoredFigureAndOnlyMissedTargetsAreListed() {
        Scenario scenario = handMade();
        WorkList list = scenario.workList();

        assertThat(list.measure()).isEqualTo(scenario.measure());
        assertThat(list.sections()).extracting(WorkListSection::indicator)
                .containsExactly(DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA, MSS, DMP);
        for (WorkListSection s : list.sections()) {
            assertThat(s.coveredByDeclaredAdjustment()).isZero();
        }
    }

    @Test
    void reachedAndNotComputableTargetsHaveNoList() {
        // 10 active persons, each with a PP and an event: DOSSIERS_ACTIFS, PP and AGENDA reach 90 %.
        Scenario s = scenario();
        for (int i = 1; i <= 10; i++) {
            s.activePerson("Q" + i, "R" + i).project("PP" + i, "R" + i, ACTIF, null, null)
                    .event("E" + i, "R" + i, "2026-03-02", PREVU).document("DOC" + i, "R" + i, "2026-03-02", DEPOSE);
        }
        s.messages("M", 7, "2026-03-03");

        assertThat(s.workList().isEmpty()).isTrue();
        // No one accompanied: every rated indicator is NC, nothing to list.
        assertThat(scenario().workList().isEmpty()).isTrue();
    }

    @Test
    void pjmServicesAreExemptFromMssAndDmpSoTheyAreNotListed() {
        WorkList list = scenario().category("340").activePersons("Q", 2).workList();

        assertThat(list.sections()).extracting(WorkListSection::indicator)
                .containsExactly(PROJET_PERSONNALISE, AGENDA);
    }

    @Test
    void personsRemovedByAPersonLevelCodeAreNotListed() {
        // CSAPA (165, PDS): A1 and A2 anonymous (A2 fed the DMP), A3 fed it, A4 and A5 did not.
        WorkList list = scenario().category("165")
                .activePerson("A1", "R1", "ANONYMAT")
                .activePerson("A2", "R2", "ANONYMAT").document("DOC2", "R2", "2026-03-05", DEPOSE)
                .activePerson("A3", "R3").document("DOC3", "R3", "2026-03-06", DEPOSE)
                .activePerson("A4", "R4").activePerson("A5", "R5")
                .workList();
        WorkListSection dmp = section(list, DMP);

        // denominator 5 - 2 = 3, numerator A3 = 1: 100 < 210, 2 persons listed
        assertThat(dmp.result().denominator()).isEqualTo(3L);
        assertThat(dmp.persons()).containsExactly(line("A4", "R4", NO_DMP_DOCUMENT, null),
                line("A5", "R5", NO_DMP_DOCUMENT, null));
        assertThat(dmp.coveredByDeclaredAdjustment()).isZero();
    }

    @Test
    void aDeclaredAdjustmentRemovesANumberSoEveryCandidateIsListedAndTheSurplusSaid() {
        // CSAPA, 5 active persons, A1 fed the DMP; the ARS validated 1 anonymous person for March.
        WorkList list = scenario().category("165").activePersons("A", 5)
                .document("DOC1", "D-A1", "2026-03-05", DEPOSE)
                .declared(DMP, "ANONYMAT", 1, "2026-03-01", "2026-03-31", "ARS-2026-12")
                .workList();
        WorkListSection dmp = section(list, DMP);

        // denominator 5 - 1 = 4, numerator 1: 100 < 280, manque 2; denominator - numerator = 3, 4 candidates
        assertThat(dmp.result().gap()).isEqualTo(2);
        assertThat(dmp.denominatorMinusNumerator()).isEqualTo(3);
        assertThat(dmp.persons()).extracting(MissingPerson::personId).containsExactly("A2", "A3", "A4", "A5");
        assertThat(dmp.coveredByDeclaredAdjustment()).isEqualTo(1);
    }

    @Test
    void aThreeMonthWindowJudgesDatesAgainstTheWholeWindow() {
        // 2026-03 over 3 months: 2026-01-01..2026-03-31; an event of 2025-12-31 is before it, one of January in.
        WorkList list = scenario().window("2026-03", 3)
                .activePerson("A1", "R1").event("E1", "R1", "2026-01-02", PREVU)
                .activePerson("A2", "R2").event("E2", "R2", "2025-12-31", PREVU)
                .workList();

        assertThat(section(list, AGENDA).persons()).containsExactly(
                line("A2", "R2", LAST_EVENT_BEFORE_WINDOW, "2025-12-31"));
    }

    @Test
    void aggregatesNameNobody() {
        EssmsMeasure measure = handMade().measure();
        WorkList list = WorkList.fromAggregates(measure);

        assertThat(list.fromRecords()).isFalse();
        assertThat(list.sections()).allMatch(s -> !s.nominative() && s.persons().isEmpty());
        assertThat(list.sections()).extracting(WorkListSection::indicator)
                .containsExactly(DOSSIERS_ACTIFS, PROJET_PERSONNALISE, AGENDA, MSS, DMP);
        assertThat(List.of(list.sections().get(0).coveredByDeclaredAdjustment())).containsExactly(0L);
    }
}
