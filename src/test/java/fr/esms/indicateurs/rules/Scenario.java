package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.Dated;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: the data of one ESSMS for one measure, written the way a test case reads. Dates are
 * {@code AAAA-MM-JJ} strings ({@code null} or empty text = no date), months {@code AAAA-MM}. The tests that call
 * the calculator themselves take only its {@link #activity()}.
 *
 * <p>Defaults: FINESS {@value #FINESS}, category {@code 500} (EHPAD, sector PA), measure month 2026-03 with a
 * one-month window (2026-03-01..2026-03-31), rules version 2025 with the default catalogue ({@link #ANONYMAT}).
 */
final class Scenario {

    static final String FINESS = "010000016";
    static final String REFERENCE_2025 = "Instruction DNS/DGCS/CNSA/2025/40";

    /** The only entry of the default 2025 catalogue (indicateurs.md, "Default catalogue and sectors"). */
    static final CatalogueEntry ANONYMAT = new CatalogueEntry("ANONYMAT", "Personne accompagnée sous anonymat",
            Set.of(Indicator.DMP), Set.of(), Set.of(Sector.PDS), null, null, REFERENCE_2025);

    /** A stay start well before every window used in the tests. */
    static final String LONG_AGO = "2024-01-01";

    private String category = "500";
    private MeasureWindow window = new MeasureWindow(YearMonth.of(2026, 3), 1);
    private List<CatalogueEntry> catalogue = List.of(ANONYMAT);
    private final List<Stay> stays = new ArrayList<>();
    private final List<DuiRecord> records = new ArrayList<>();
    private final List<RecordUpdate> updates = new ArrayList<>();
    /** Records updated in the measure month, resolved when the activity is built (the window may change). */
    private final List<String> updatedInMeasureMonth = new ArrayList<>();
    private final List<PersonalisedProject> projects = new ArrayList<>();
    private final List<AgendaEvent> events = new ArrayList<>();
    private final List<MssMessage> messages = new ArrayList<>();
    private final List<DmpDocument> documents = new ArrayList<>();
    private final List<Dated> ePrescriptions = new ArrayList<>();
    private final List<Dated> eParcours = new ArrayList<>();
    private final List<DeclaredAdjustment> declared = new ArrayList<>();

    private Scenario() {
    }

    static Scenario scenario() {
        return new Scenario();
    }

    static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }

    // --- the ESSMS and the measure ---------------------------------------------------------------------------

    Scenario category(String finessCategory) {
        this.category = finessCategory;
        return this;
    }

    /** Measure month {@code AAAA-MM} and window length in months. */
    Scenario window(String measureMonth, int months) {
        this.window = new MeasureWindow(YearMonth.parse(measureMonth), months);
        return this;
    }

    /** Replaces the adjustment catalogue of the rules version. */
    Scenario catalogue(CatalogueEntry... entries) {
        this.catalogue = List.of(entries);
        return this;
    }

    MeasureWindow window() {
        return window;
    }

    // --- usagers.csv ------------------------------------------------------------------------------------------

    Scenario stay(String person, String entry, String exit, String... exclusionCodes) {
        stays.add(new Stay(person, date(entry), date(exit), List.of(exclusionCodes)));
        return this;
    }

    /** A person accompanied since long ago and still accompanied. */
    Scenario accompanied(String person, String... exclusionCodes) {
        return stay(person, LONG_AGO, null, exclusionCodes);
    }

    /** {@code count} persons {@code prefix1..prefixN}, accompanied since long ago, without any record. */
    Scenario accompaniedPersons(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            accompanied(prefix + i);
        }
        return this;
    }

    /**
     * {@code count} persons {@code N0..N(count-1)} accompanied since 2020, the first {@code active} of them each with
     * one record {@code RNi} updated in {@code activeMonth} ({@code AAAA-MM}).
     */
    Scenario persons(int count, int active, String activeMonth) {
        for (int i = 0; i < count; i++) {
            stay("N" + i, "2020-01-01", "");
            if (i < active) {
                record("RN" + i, "N" + i, activeMonth);
            }
        }
        return this;
    }

    // --- dossiers.csv / modifications.csv ---------------------------------------------------------------------

    /** A DUI record of a person, with the months ({@code AAAA-MM}) in which it was seen updated. */
    Scenario record(String recordId, String person, String... updateMonths) {
        records.add(new DuiRecord(recordId, person));
        for (String month : updateMonths) {
            update(recordId, month);
        }
        return this;
    }

    Scenario update(String recordId, String month) {
        updates.add(new RecordUpdate(recordId, YearMonth.parse(month)));
        return this;
    }

    /** A person accompanied since long ago, with record {@code recordId} updated in the measure month. */
    Scenario activePerson(String person, String recordId, String... exclusionCodes) {
        accompanied(person, exclusionCodes);
        records.add(new DuiRecord(recordId, person));
        updatedInMeasureMonth.add(recordId);
        return this;
    }

    /** {@code count} persons {@code prefix1..prefixN}, each with an active record {@code D-prefixI}. */
    Scenario activePersons(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            activePerson(prefix + i, "D-" + prefix + i);
        }
        return this;
    }

    // --- projets_personnalises.csv, agenda.csv ----------------------------------------------------------------

    Scenario project(String projectId, String recordId, ProjectStatus status, String start, String end) {
        projects.add(new PersonalisedProject(projectId, recordId, status, date(start), date(end)));
        return this;
    }

    Scenario event(String eventId, String recordId, String date, EventStatus status) {
        events.add(new AgendaEvent(eventId, recordId, date(date), status));
        return this;
    }

    // --- mss.csv, dmp.csv -------------------------------------------------------------------------------------

    Scenario message(String messageId, String sent) {
        messages.add(new MssMessage(messageId, date(sent)));
        return this;
    }

    /** {@code count} distinct messages {@code prefix1..prefixN} sent on {@code sent}. */
    Scenario messages(String prefix, int count, String sent) {
        for (int i = 1; i <= count; i++) {
            message(prefix + i, sent);
        }
        return this;
    }

    Scenario document(String documentId, String recordId, String deposited, DmpStatus status) {
        documents.add(new DmpDocument(documentId, recordId, date(deposited), status));
        return this;
    }

    // --- eprescription.csv, eparcours.csv ---------------------------------------------------------------------

    Scenario ePrescription(String prescriptionId, String imported) {
        ePrescriptions.add(new Dated(prescriptionId, date(imported)));
        return this;
    }

    Scenario eParcours(String exchangeId, String exchanged) {
        eParcours.add(new Dated(exchangeId, date(exchanged)));
        return this;
    }

    // --- amenagements.csv -------------------------------------------------------------------------------------

    Scenario declared(Indicator indicator, String motif, int count, String periodStart, String periodEnd,
                      String reference) {
        declared.add(new DeclaredAdjustment(indicator, motif, count, date(periodStart), date(periodEnd), reference));
        return this;
    }

    // --- running the rules ------------------------------------------------------------------------------------

    EssmsActivity activity() {
        List<RecordUpdate> allUpdates = new ArrayList<>(updates);
        updatedInMeasureMonth.forEach(r -> allUpdates.add(new RecordUpdate(r, window.month())));
        return new EssmsActivity(stays, records, allUpdates, projects, events, messages, documents, ePrescriptions,
                eParcours);
    }

    RulesVersion rules() {
        return RulesVersion.v2025(new AdjustmentCatalogue(catalogue));
    }

    EssmsMeasure measure() {
        return new IndicatorCalculator(rules()).compute(FINESS, category, window, activity(), declared);
    }

    /** The work lists of the same data, by the same rules. */
    WorkList workList() {
        return new WorkLists(new IndicatorCalculator(rules())).compute(FINESS, category, window, activity(),
                declared);
    }
}
