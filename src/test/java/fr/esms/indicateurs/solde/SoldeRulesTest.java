package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.RulesLoader;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The solde rules without database: amounts by rank, decisions, "without data", windows. */
class SoldeRulesTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    final SoldeRules rules = new SoldeRules(new IndicatorCalculator(
            new RulesLoader().builtIn().find("2025").orElseThrow()));
    final SoldeWindows windows = rules.windows(OCTOBER, null, null);

    // ---- Amounts -------------------------------------------------------------------------------------------

    @Test
    void amountPerEssmsDependsOnRankAndFunding() {
        assertThat(rules.amounts(1, FundingType.ACQUISITION, null)).isEqualTo(new Amounts(7_000, 14_000));
        assertThat(rules.amounts(49, FundingType.ACQUISITION, null)).isEqualTo(new Amounts(7_000, 14_000));
        assertThat(rules.amounts(50, FundingType.ACQUISITION, null)).isEqualTo(new Amounts(2_000, 3_000));
        assertThat(rules.amounts(51, FundingType.ACQUISITION, null)).isEqualTo(new Amounts(2_000, 3_000));
        assertThat(rules.amounts(1, FundingType.MONTEE_VERSION, null)).isEqualTo(new Amounts(5_000, 0));
        assertThat(rules.amounts(49, FundingType.MONTEE_VERSION, null)).isEqualTo(new Amounts(5_000, 0));
        assertThat(rules.amounts(50, FundingType.MONTEE_VERSION, null)).isEqualTo(new Amounts(2_000, 0));
        assertThatThrownBy(() -> rules.amounts(0, FundingType.ACQUISITION, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acquisitionProjectOf49_50_51Essms() {
        // 49 x (7 000 + 14 000) = 1 029 000; the 50th adds 2 000 + 3 000, the 51st as much again.
        assertAmounts(project(49, FundingType.ACQUISITION), 343_000, 686_000, 1_029_000, 514_500);
        assertAmounts(project(50, FundingType.ACQUISITION), 345_000, 689_000, 1_034_000, 517_000);
        assertAmounts(project(51, FundingType.ACQUISITION), 347_000, 692_000, 1_039_000, 519_500);
    }

    @Test
    void montéeDeVersionProjectOf49_50_51EssmsHasNoEquipment() {
        // 49 x 5 000 = 245 000; from the 50th, 2 000 each.
        assertAmounts(project(49, FundingType.MONTEE_VERSION), 245_000, 0, 245_000, 122_500);
        assertAmounts(project(50, FundingType.MONTEE_VERSION), 247_000, 0, 247_000, 123_500);
        assertAmounts(project(51, FundingType.MONTEE_VERSION), 249_000, 0, 249_000, 124_500);
    }

    @Test
    void theSoldeIsPayableOnlyWhenTargetsAreReached() {
        List<EssmsSolde> lines = new ArrayList<>();
        lines.add(essms(1, "500", reaching()));
        lines.add(essms(2, "500", reaching(8)));
        ProjectSolde solde = rules.project(project(FundingType.ACQUISITION), windows, lines);

        assertThat(solde.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(solde.amounts().total()).isEqualTo(42_000);
        assertThat(solde.advance()).isEqualTo(21_000);
        assertThat(solde.solde()).isEqualTo(21_000);
        assertThat(solde.soldeDue()).isZero();
        assertThat(solde.reason()).isEqualTo("Cibles non atteintes : " + finess(2) + " (Dossiers actifs : manque 1).");
    }

    // ---- Decisions -----------------------------------------------------------------------------------------

    @Test
    void nineOutOfTenReachesNinetyPercentEightOutOfTenMissesByOne() {
        EssmsSolde nine = essms(1, "500", reaching(9));
        EssmsSolde eight = essms(2, "500", reaching(8));

        assertThat(nine.result(Indicator.DOSSIERS_ACTIFS).attainment()).isEqualTo(Attainment.OUI);
        assertThat(nine.decision()).isEqualTo(SoldeDecision.ATTEINTE);
        assertThat(eight.result(Indicator.DOSSIERS_ACTIFS).attainment()).isEqualTo(Attainment.NON);
        assertThat(eight.result(Indicator.DOSSIERS_ACTIFS).gap()).isEqualTo(1);
        assertThat(eight.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(eight.missed()).extracting(r -> r.indicator()).containsExactly(Indicator.DOSSIERS_ACTIFS);
    }

    @Test
    void pjmIsNotHeldToMssAndDmp() {
        EssmsActivity noServices = activity(10, 10, 0, 0);

        EssmsSolde pjm = essms(1, "340", noServices);
        EssmsSolde ehpad = essms(1, "500", noServices);

        assertThat(pjm.result(Indicator.MSS).attainment()).isEqualTo(Attainment.EXEMPTE);
        assertThat(pjm.result(Indicator.DMP).attainment()).isEqualTo(Attainment.EXEMPTE);
        assertThat(pjm.decision()).isEqualTo(SoldeDecision.ATTEINTE);
        assertThat(ehpad.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(ehpad.missed()).extracting(r -> r.indicator()).containsExactly(Indicator.MSS, Indicator.DMP);
    }

    @Test
    void aZeroDenominatorIsNotReached() {
        // Ten persons accompanied but no record updated in the window: PP and AGENDA have no denominator.
        EssmsSolde noRecord = essms(1, "500", activity(10, 0, 7, 7));

        assertThat(noRecord.result(Indicator.PROJET_PERSONNALISE).attainment()).isEqualTo(Attainment.NC);
        assertThat(noRecord.withData()).isTrue();
        assertThat(noRecord.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(noRecord.missed()).extracting(r -> r.indicator()).containsExactly(Indicator.DOSSIERS_ACTIFS,
                Indicator.PROJET_PERSONNALISE, Indicator.AGENDA);
    }

    @Test
    void anEssmsWithoutDataMakesTheProjectNotReachedForMissingData() {
        EssmsSolde silent = essms(2, "500", EssmsActivity.empty());
        ProjectSolde solde = rules.project(project(FundingType.ACQUISITION), windows,
                List.of(essms(1, "500", reaching()), silent));

        assertThat(silent.decision()).isEqualTo(SoldeDecision.DONNEES_MANQUANTES);
        assertThat(solde.decision()).isEqualTo(SoldeDecision.DONNEES_MANQUANTES);
        assertThat(solde.decision().projectWording()).isEqualTo("NON ATTEINTE — données manquantes");
        assertThat(solde.missingData()).containsExactly(finess(2));
        assertThat(solde.reason()).isEqualTo("Aucune donnée sur les fenêtres finales pour : " + finess(2) + ".");
        assertThat(solde.soldeDue()).isZero();
    }

    @Test
    void withoutDataMeansNothingDatedInTheWindowWhateverItsStatus() {
        MeasureWindow w = windows.dui();
        LocalDate before = LocalDate.of(2026, 7, 31);
        LocalDate inside = LocalDate.of(2026, 8, 1);
        // Snapshots of any age prove nothing about the window.
        assertThat(new EssmsActivity(List.of(new Stay("U1", LocalDate.of(2025, 1, 1), before, List.of())),
                List.of(new DuiRecord("D1", "U1")), List.of(new RecordUpdate("D1", YearMonth.of(2026, 7))),
                List.of(new PersonalisedProject("PP1", "D1", ProjectStatus.ACTIF, null, null)),
                List.of(new AgendaEvent("E1", "D1", before, EventStatus.REALISE)),
                List.of(new MssMessage("M1", before)), List.of(new DmpDocument("X", "D1", before, DmpStatus.DEPOSE)),
                List.of(), List.of()).hasDataIn(w)).isFalse();
        // A cancelled event or a document in error is still something stored in the window.
        assertThat(only(new AgendaEvent("E1", "D1", inside, EventStatus.ANNULE)).hasDataIn(w)).isTrue();
        assertThat(new EssmsActivity(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new DmpDocument("X", "D1", LocalDate.of(2026, 10, 31), DmpStatus.ERREUR)), List.of(),
                List.of()).hasDataIn(w)).isTrue();
        assertThat(new EssmsActivity(List.of(new Stay("U1", LocalDate.of(2025, 1, 1), inside, List.of())), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()).hasDataIn(w)).isTrue();
    }

    @Test
    void aProjectWithNoEssmsOrNoDataAtAllIsRefused() {
        assertThatThrownBy(() -> rules.project(project(FundingType.ACQUISITION), windows, List.of()))
                .isInstanceOf(SoldeRefusal.class)
                .hasMessage("le projet P1 n'a aucun ESSMS dans le référentiel (essms.csv) : pas de solde à établir");
        assertThatThrownBy(() -> rules.project(project(FundingType.ACQUISITION), windows,
                List.of(essms(1, "500", EssmsActivity.empty()), essms(2, "500", EssmsActivity.empty()))))
                .isInstanceOf(SoldeRefusal.class)
                .hasMessage("aucune donnée en base pour les 2 ESSMS du projet P1 sur la fenêtre du 01/08/2026 au "
                        + "31/10/2026 (ni séjour, ni mise à jour de dossier, ni événement d'agenda, ni message MSS, "
                        + "ni document DMP) : vérifiez le mois, ou ingérez d'abord les exports avec la commande "
                        + "executer");
    }

    // ---- Windows and rank ----------------------------------------------------------------------------------

    @Test
    void windowsDefaultToTheRulesVersionAndStayWithinItsBounds() {
        assertThat(windows.dui()).isEqualTo(new MeasureWindow(OCTOBER, 3));
        assertThat(windows.services()).isEqualTo(new MeasureWindow(OCTOBER, 3));
        assertThat(rules.windows(OCTOBER, 3, 6).of(Indicator.MSS).start()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(rules.windows(OCTOBER, 3, 6).of(Indicator.AGENDA).start()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThatThrownBy(() -> rules.servicesWindow(OCTOBER, 2)).isInstanceOf(SoldeRefusal.class)
                .hasMessage("fenêtre MSS et DMP de 2 mois refusée : les règles 2025 la fixent de 3 à 6 mois (défaut 3)");
        assertThatThrownBy(() -> rules.servicesWindow(OCTOBER, 7)).isInstanceOf(SoldeRefusal.class)
                .hasMessageStartingWith("fenêtre MSS et DMP de 7 mois refusée");
        assertThatThrownBy(() -> rules.duiWindow(OCTOBER, 0)).isInstanceOf(SoldeRefusal.class)
                .hasMessage("fenêtre des indicateurs DUI de 0 mois refusée : de 1 à 12 mois (règles 2025 : 3 mois)");
        assertThatThrownBy(() -> rules.duiWindow(OCTOBER, 13)).isInstanceOf(SoldeRefusal.class);
    }

    @Test
    void rankFollowsDistinctFinessInAscendingOrder() {
        Essms b = essmsRow("350000105");
        Essms a = essmsRow("350000006");
        Essms corsica = essmsRow("2A0000015");

        assertThat(SoldeRules.inRankOrder(List.of(corsica, b, a, b))).extracting(Essms::finess)
                .containsExactly("2A0000015", "350000006", "350000105");
    }

    // ---- Aggregates ----------------------------------------------------------------------------------------

    @Test
    void anEssmsThatSendsOnlyAggregatesIsJudgedOnTheAggregateOfTheExactFinalWindow() {
        Essms row = essmsRow("350000105");
        // 100 accompanied; 95 active (95 %), 90 with a PP (90/95 = 94.7 %), 86 with agenda (86/95 = 90.5 %),
        // 70 messages (70 %), 75 DMP (75 %): every target reached.
        AggregateCounts reached = new AggregateCounts(100, 95, 90, 86, 70, 75, 0, 0);
        // 85 with a PP: 85 x 100 = 8 500 < 90 x 95 = 8 550, not reached.
        AggregateCounts short1 = new AggregateCounts(100, 95, 85, 86, 70, 75, 0, 0);

        EssmsSolde fromAggregate = rules.essms(1, row, FundingType.ACQUISITION, windows, EssmsActivity.empty(),
                EssmsActivity.empty(), List.of(), reached, reached);
        EssmsSolde notReached = rules.essms(1, row, FundingType.ACQUISITION, windows, EssmsActivity.empty(),
                EssmsActivity.empty(), List.of(), short1, short1);

        assertThat(fromAggregate.decision()).isEqualTo(SoldeDecision.ATTEINTE);
        assertThat(fromAggregate.results()).extracting(r -> r.numerator() + "/" + r.denominator())
                .containsExactly("95/100", "90/95", "86/95", "70/100", "75/100");
        assertThat(fromAggregate.warnings()).anyMatch(w -> w.startsWith(SoldeRules.AGGREGATE_SOURCE));
        assertThat(notReached.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(notReached.results().get(1).gap()).isEqualTo(1);
    }

    @Test
    void recordsInTheFinalWindowWinOverAnAggregate() {
        AggregateCounts reached = new AggregateCounts(100, 95, 90, 86, 70, 75, 0, 0);

        EssmsSolde solde = rules.essms(1, essmsRow("350000105"), FundingType.ACQUISITION, windows, reaching(8),
                reaching(8), List.of(), reached, reached);

        assertThat(solde.decision()).isEqualTo(SoldeDecision.NON_ATTEINTE);
        assertThat(solde.warnings()).noneMatch(w -> w.startsWith(SoldeRules.AGGREGATE_SOURCE));
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    private static void assertAmounts(ProjectSolde solde, long usage, long equipment, long total, long half) {
        assertThat(solde.amounts().usage()).isEqualTo(usage);
        assertThat(solde.amounts().equipment()).isEqualTo(equipment);
        assertThat(solde.amounts().total()).isEqualTo(total);
        assertThat(solde.advance()).isEqualTo(half);
        assertThat(solde.solde()).isEqualTo(half);
        assertThat(solde.soldeDue()).isEqualTo(half);
    }

    /** A project of {@code n} ESSMS that all reach their targets. */
    private ProjectSolde project(int n, FundingType funding) {
        List<EssmsSolde> lines = new ArrayList<>();
        EssmsActivity reaching = reaching();
        for (int rank = 1; rank <= n; rank++) {
            lines.add(rules.essms(rank, essmsRow(finess(rank)), funding, windows, reaching, reaching, List.of()));
        }
        ProjectSolde solde = rules.project(project(funding), windows, lines);
        assertThat(solde.decision()).isEqualTo(SoldeDecision.ATTEINTE);
        return solde;
    }

    private EssmsSolde essms(int rank, String category, EssmsActivity activity) {
        Essms row = new Essms(finess(rank), "350000709", "ESSMS " + rank, category, "35", "P1", null);
        return rules.essms(rank, row, FundingType.ACQUISITION, windows, activity, activity, List.of());
    }

    private static Project project(FundingType funding) {
        return new Project("P1", "Projet", "350000709", funding, null, null);
    }

    private static Essms essmsRow(String finess) {
        return new Essms(finess, "350000709", "ESSMS " + finess, "500", "35", "P1", null);
    }

    /** A FINESS-like identifier for rank {@code rank} (the rules do not check FINESS numbers). */
    private static String finess(int rank) {
        return String.format("35%07d", rank);
    }

    private static EssmsActivity reaching() {
        return activity(10, 10, 7, 7);
    }

    private static EssmsActivity reaching(int activeRecords) {
        return activity(10, activeRecords, 7, 7);
    }

    /**
     * {@code persons} accompanied; the first {@code active} have a record updated in October with an active PP and
     * a September event; {@code messages} messages; the first {@code documents} persons a DMP document.
     */
    static EssmsActivity activity(int persons, int active, int messages, int documents) {
        List<Stay> stays = new ArrayList<>();
        List<DuiRecord> records = new ArrayList<>();
        List<RecordUpdate> updates = new ArrayList<>();
        List<PersonalisedProject> projects = new ArrayList<>();
        List<AgendaEvent> events = new ArrayList<>();
        List<MssMessage> mss = new ArrayList<>();
        List<DmpDocument> dmp = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            stays.add(new Stay("U" + i, LocalDate.of(2026, 1, 1), null, List.of()));
            records.add(new DuiRecord("D" + i, "U" + i));
            if (i <= active) {
                updates.add(new RecordUpdate("D" + i, OCTOBER));
                projects.add(new PersonalisedProject("PP" + i, "D" + i, ProjectStatus.ACTIF, null, null));
                events.add(new AgendaEvent("E" + i, "D" + i, LocalDate.of(2026, 9, 15), EventStatus.PREVU));
            }
            if (i <= documents) {
                dmp.add(new DmpDocument("X" + i, "D" + i, LocalDate.of(2026, 10, 1), DmpStatus.DEPOSE));
            }
        }
        for (int i = 1; i <= messages; i++) {
            mss.add(new MssMessage("M" + i, LocalDate.of(2026, 8, i)));
        }
        return new EssmsActivity(stays, records, updates, projects, events, mss, dmp, List.of(), List.of());
    }

    private static EssmsActivity only(AgendaEvent event) {
        return new EssmsActivity(List.of(), List.of(), List.of(), List.of(), List.of(event), List.of(), List.of(),
                List.of(), List.of());
    }
}
