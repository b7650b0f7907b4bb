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

/** Builds the activity of one ESSMS the way the test cases read: dates as text, empty text for an absent date. */
final class ActivityBuilder {

    private final List<Stay> stays = new ArrayList<>();
    private final List<DuiRecord> records = new ArrayList<>();
    private final List<RecordUpdate> updates = new ArrayList<>();
    private final List<PersonalisedProject> projects = new ArrayList<>();
    private final List<AgendaEvent> events = new ArrayList<>();
    private final List<MssMessage> messages = new ArrayList<>();
    private final List<DmpDocument> documents = new ArrayList<>();
    private final List<Dated> prescriptions = new ArrayList<>();
    private final List<Dated> parcours = new ArrayList<>();

    static LocalDate date(String text) {
        return text == null || text.isEmpty() ? null : LocalDate.parse(text);
    }

    ActivityBuilder stay(String person, String entry, String exit, String... codes) {
        stays.add(new Stay(person, date(entry), date(exit), List.of(codes)));
        return this;
    }

    /** A record of a person, updated in the given months ({@code AAAA-MM}). */
    ActivityBuilder record(String record, String person, String... updatedMonths) {
        records.add(new DuiRecord(record, person));
        for (String month : updatedMonths) {
            updates.add(new RecordUpdate(record, YearMonth.parse(month)));
        }
        return this;
    }

    ActivityBuilder project(String id, String record, ProjectStatus status, String start, String end) {
        projects.add(new PersonalisedProject(id, record, status, date(start), date(end)));
        return this;
    }

    ActivityBuilder event(String id, String record, String date, EventStatus status) {
        events.add(new AgendaEvent(id, record, date(date), status));
        return this;
    }

    ActivityBuilder message(String id, String date) {
        messages.add(new MssMessage(id, date(date)));
        return this;
    }

    ActivityBuilder document(String id, String record, String date, DmpStatus status) {
        documents.add(new DmpDocument(id, record, date(date), status));
        return this;
    }

    ActivityBuilder prescription(String id, String date) {
        prescriptions.add(new Dated(id, date(date)));
        return this;
    }

    ActivityBuilder parcours(String id, String date) {
        parcours.add(new Dated(id, date(date)));
        return this;
    }

    /** {@code count} persons accompanied since 2020, each with one record updated in {@code activeMonth} if active. */
    ActivityBuilder persons(int count, int active, String activeMonth) {
        for (int i = 0; i < count; i++) {
            stay("N" + i, "2020-01-01", "");
            if (i < active) {
                record("RN" + i, "N" + i, activeMonth);
            }
        }
        return this;
    }

    EssmsActivity build() {
        return new EssmsActivity(stays, records, updates, projects, events, messages, documents, prescriptions,
                parcours);
    }
}
