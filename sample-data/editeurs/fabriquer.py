#!/usr/bin/env python3
"""Builds sample-data/editeurs/depot from the Logivie pivot packages of sample-data/depot.

Each editor of this sample exports, for an ESSMS of its own, the very records Logivie exports for one of its
ESSMS (same persons, records, events, messages, documents, same faulty rows), in its own dialect:
  - Soignéo  (EHPAD 260781000 = Logivie's EHPAD 690784129): Windows-1252, ';', dd/MM/yyyy, French headers;
  - Kaliopé  (IME 740781000 = Logivie's IME 010783157): zip with a sub-folder, UTF-8 with BOM, ',', ISO date-times;
  - Pilotis  (EHPAD 630781003): only agregats.csv, holding the figures computed for Logivie's EHPAD 690784129.
So the indicators of each new ESSMS must equal those of its Logivie twin (ProfileEquivalenceTest checks it).
Run from the repository root: python3 sample-data/editeurs/fabriquer.py
"""
import csv, io, os, re, shutil, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.dirname(ROOT)
OUT = os.path.join(ROOT, "depot")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$")
DATE_COLUMNS = {"date_entree", "date_sortie", "date_creation", "date_derniere_modification", "date_debut", "date_fin",
                "date_evenement", "date_envoi", "date_depot", "date_import", "date_echange"}


def read_package(path):
    """{file name: (header, rows)} of a pivot package folder or zip."""
    files = {}
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".csv"):
                    files[os.path.basename(name)] = z.read(name).decode("utf-8-sig")
    else:
        for name in os.listdir(path):
            with open(os.path.join(path, name), encoding="utf-8-sig") as f:
                files[name] = f.read()
    out = {}
    for name, text in files.items():
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        out[name] = (rows[0], rows[1:])
    return out


def twin_rows(package, source, target, keep=()):
    """Rows of `source` ESSMS (and of the faulty FINESS in `keep`), moved to `target`."""
    out = {}
    for name, (header, rows) in package.items():
        if name == "export.csv":
            continue
        i = header.index("finess")
        picked = [[target if v == source else v for v in r] for r in rows if r and (r[i] == source or r[i] in keep)]
        out[name] = (header, picked)
    return out


def french_date(value):
    m = ISO.match(value)
    if not m:
        return value
    y, mo, d, h, mi, s = m.groups()
    text = f"{d}/{mo}/{y}"   # textual: an impossible date stays impossible
    if h:
        text += f" {h}:{mi}" + (f":{s}" if s else "")
    return text


def iso_datetime(value):
    m = ISO.match(value)
    if not m:
        return value
    y, mo, d, h, mi, s = m.groups()
    return f"{y}-{mo}-{d}T{h or '00'}:{mi or '00'}:{s or '00'}"


SOIGNEO = {
    "usagers.csv": ("SOIGNEO_USAGERS.csv", {"finess": "N° FINESS", "usager_id": "Identifiant usager",
                    "date_entree": "Date d'entrée", "date_sortie": "Date de sortie définitive",
                    "motifs_exclusion": "Motifs d'exclusion"}),
    "dossiers.csv": ("SOIGNEO_DOSSIERS.csv", {"finess": "N° FINESS", "dossier_id": "N° dossier",
                     "usager_id": "Identifiant usager", "date_creation": "Créé le",
                     "date_derniere_modification": "Modifié le"}),
    "projets_personnalises.csv": ("SOIGNEO_PROJETS.csv", {"finess": "N° FINESS", "dossier_id": "N° dossier",
                                  "pp_id": "N° projet", "statut": "État du projet", "date_debut": "Début de validité",
                                  "date_fin": "Fin de validité"}),
    "agenda.csv": ("SOIGNEO_AGENDA.csv", {"finess": "N° FINESS", "dossier_id": "N° dossier",
                   "evenement_id": "N° événement", "date_evenement": "Date", "statut": "État", "type": "Nature"}),
    "mss.csv": ("SOIGNEO_MSSANTE.csv", {"finess": "N° FINESS", "message_id": "Identifiant message",
                "date_envoi": "Envoyé le", "dossier_id": "N° dossier", "type_destinataire": "Destinataire"}),
    "dmp.csv": ("SOIGNEO_DMP.csv", {"finess": "N° FINESS", "dossier_id": "N° dossier",
                "document_id": "Identifiant document", "date_depot": "Déposé le", "statut": "Statut DMP",
                "type_document": "Type de document"}),
    "eprescription.csv": ("SOIGNEO_EPRESCRIPTION.csv", {"finess": "N° FINESS", "prescription_id": "N° prescription",
                          "date_import": "Importée le"}),
    "eparcours.csv": ("SOIGNEO_EPARCOURS.csv", {"finess": "N° FINESS", "echange_id": "N° échange",
                      "date_echange": "Date d'échange"}),
}
SOIGNEO_WORDS = {
    ("projets_personnalises.csv", "statut"): {"EN_PREPARATION": "Brouillon", "ACTIF": "En cours", "CLOS": "Clôturé",
                                             "ANNULE": "Annulé"},
    ("agenda.csv", "statut"): {"PREVU": "Planifié", "REALISE": "Réalisé", "ANNULE": "Annulé"},
    ("mss.csv", "type_destinataire"): {"PROFESSIONNEL": "Professionnel", "USAGER": "Usager (Mon espace santé)"},
    ("dmp.csv", "statut"): {"DEPOSE": "Déposé", "REMPLACE": "Remplacé", "SUPPRIME": "Supprimé", "ERREUR": "Erreur"},
}

KALIOPE = {
    "usagers.csv": ("patients.csv", {"finess": "facility_finess", "usager_id": "patient_ref",
                    "date_entree": "admission_date", "date_sortie": "discharge_date",
                    "motifs_exclusion": "exclusion_codes"}),
    "dossiers.csv": ("care_records.csv", {"finess": "facility_finess", "dossier_id": "record_ref",
                     "usager_id": "patient_ref", "date_creation": "created_at",
                     "date_derniere_modification": "updated_at"}),
    "projets_personnalises.csv": ("care_plans.csv", {"finess": "facility_finess", "dossier_id": "record_ref",
                                  "pp_id": "plan_ref", "statut": "status", "date_debut": "valid_from",
                                  "date_fin": "valid_to"}),
    "agenda.csv": ("agenda_{finess}.csv", {"dossier_id": "record_ref", "evenement_id": "event_ref",
                   "date_evenement": "starts_at", "statut": "cancelled", "type": "label"}),
    "mss.csv": ("mssante_outbox.csv", {"finess": "facility_finess", "message_id": "message_ref",
                "date_envoi": "sent_at", "dossier_id": "record_ref", "type_destinataire": "recipient"}),
    "dmp.csv": ("dmp_documents.csv", {"finess": "facility_finess", "dossier_id": "record_ref",
                "document_id": "document_ref", "date_depot": "accepted_at", "statut": "status",
                "type_document": "document_type"}),
    "eprescription.csv": ("eprescriptions.csv", {"finess": "facility_finess", "prescription_id": "prescription_ref",
                          "date_import": "imported_at"}),
    "eparcours.csv": ("eparcours_exchanges.csv", {"finess": "facility_finess", "echange_id": "exchange_ref",
                      "date_echange": "exchanged_at"}),
}
KALIOPE_WORDS = {
    ("projets_personnalises.csv", "statut"): {"EN_PREPARATION": "draft", "ACTIF": "active", "CLOS": "closed",
                                             "ANNULE": "cancelled"},
    ("agenda.csv", "statut"): {"PREVU": "0", "REALISE": "0", "ANNULE": "1", "": "0"},
    ("mss.csv", "type_destinataire"): {"PROFESSIONNEL": "pro", "USAGER": "patient"},
    ("dmp.csv", "statut"): {"DEPOSE": "deposited", "REMPLACE": "replaced", "SUPPRIME": "deleted", "ERREUR": "error"},
}


def convert(rows_by_file, dialect, words, date):
    """{editor file name: (editor header, editor rows)}; agenda rows split by ESSMS when the name asks."""
    out = {}
    for name, (header, rows) in rows_by_file.items():
        editor_name, columns = dialect[name]
        kept = [c for c in header if c in columns]
        for r in rows:
            values = dict(zip(header, r))
            line = []
            for c in kept:
                v = values.get(c, "")
                v = words.get((name, c), {}).get(v, v)
                if c in DATE_COLUMNS:
                    v = date(v)
                line.append(v)
            target = editor_name.format(finess=values["finess"])
            out.setdefault(target, ([columns[c] for c in kept], []))[1].append(line)
        if not rows and "{finess}" not in editor_name:
            out[editor_name] = ([columns[c] for c in kept], [])
    return out


def write_soigneo(package_dir, manifest, files):
    os.makedirs(package_dir)
    header = ["Éditeur", "Logiciel", "Version", "N° FINESS juridique", "Date d'extraction", "Début de période",
              "Fin de période"]
    # Windows-1252 is where French software puts €, œ and ’: one label has them.
    files = {n: (h, [[v.replace("Atelier mémoire", "Atelier mémoire – l’œil et le cœur (5 €)") for v in r]
                     for r in rows]) for n, (h, rows) in files.items()}
    all_files = {"SOIGNEO_PARAMETRES.csv": (header, [manifest])}
    all_files.update(files)
    for name, (h, rows) in all_files.items():
        with open(os.path.join(package_dir, name), "w", encoding="cp1252", newline="") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            w.writerow(h)
            w.writerows(rows)


def write_kaliope(zip_path, folder, files):
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, (h, rows) in sorted(files.items()):
            buf = io.StringIO()
            w = csv.writer(buf, delimiter=",", lineterminator="\n")
            w.writerow(h)
            w.writerows(rows)
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2026, 11, 3, 6, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, "\ufeff" + buf.getvalue())


def main():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    depot = os.path.join(SAMPLE, "depot")
    months = [("logivie_690793054_2026-09", "2026-09", "04/10/2026", "01/07/2026", "30/09/2026",
               "202607-202609", "20261004"),
              ("logivie_690793054_2026-10.zip", "2026-10", "03/11/2026 07:42", "01/10/2026", "31/10/2026",
               "202610-202610", "20261103")]
    for source, month, extraction, start, end, period, day in months:
        package = read_package(os.path.join(depot, source))
        # The pivot editor itself: its packages as they are.
        src = os.path.join(depot, source)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(OUT, source))
        else:
            shutil.copy(src, os.path.join(OUT, source))
        soigneo = convert(twin_rows(package, "690784129", "260781000", keep=("690784128",)), SOIGNEO, SOIGNEO_WORDS,
                          french_date)
        write_soigneo(os.path.join(OUT, f"SOIGNEO_260791009_EXPORT_{month}"),
                      ["Soignéo", "Soignéo DUI", "4.2.1", "260791009", extraction, start, end], soigneo)
        kaliope = convert(twin_rows(package, "010783157", "740781000"), KALIOPE, KALIOPE_WORDS, iso_datetime)
        name = f"kaliope_740791009_{period}_{day}"
        write_kaliope(os.path.join(OUT, name + ".zip"), name, kaliope)
    write_pilotis(os.path.join(OUT, "pilotis_630791002_2026-10"))


def write_pilotis(package_dir):
    os.makedirs(package_dir)
    with open(os.path.join(package_dir, "export.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
                "Pilotis;Pilotis Tableau de bord;3.0;630791002;2026-11-05;2026-08-01;2026-10-31\n")
    # The figures of Logivie's EHPAD 690784129 (src/test/resources/attendu), as Pilotis' dashboard gives them.
    with open(os.path.join(package_dir, "agregats.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("finess;periode_debut;periode_fin;personnes_accompagnees;dossiers_actifs;dossiers_actifs_pp;"
                "dossiers_actifs_agenda;messages_mss;dmp_alimentes;exclusions_mss;exclusions_dmp\n"
                "630781003;2026-10-01;2026-10-31;16;14;11;12;21;12;0;0\n"
                "630781003;2026-08-01;2026-10-31;17;17;12;16;30;15;0;0\n")


if __name__ == "__main__":
    main()
