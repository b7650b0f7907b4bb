package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.referential.DeclaredAdjustmentRow;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.Indicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The referential of the latest run, kept in the database so that later commands (solde, reports) share it. */
public class ReferentialStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ReferentialStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void replace(Referential referential) {
        tx.executeWithoutResult(status -> {
            for (String table : List.of("ref_essms", "ref_projet", "ref_amenagement", "ref_rejet")) {
                jdbc.update("DELETE FROM " + table);
            }
            jdbc.batchUpdate("INSERT INTO ref_projet (projet_id, intitule, finess_ej_porteur, type_financement, "
                            + "date_convention, date_fin_deploiement, version_regles, logiciel_reference_segur) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    referential.projects().stream().map(p -> new Object[]{p.projetId(), p.intitule(),
                            p.finessEjPorteur(), p.typeFinancement().name(), date(p.dateConvention()),
                            date(p.dateFinDeploiement()), p.versionRegles(), p.logicielReferenceSegur()}).toList(),
                    new int[]{java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                            java.sql.Types.VARCHAR, java.sql.Types.DATE, java.sql.Types.DATE, java.sql.Types.VARCHAR,
                            java.sql.Types.BOOLEAN});
            jdbc.batchUpdate("INSERT INTO ref_essms (finess, finess_ej, raison_sociale, categorie, departement, "
                            + "projet_id, editeur) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    referential.essms().stream().map(e -> new Object[]{e.finess(), e.finessEj(), e.raisonSociale(),
                            e.categorie(), e.departement(), e.projetId(), e.editeur()}).toList());
            jdbc.batchUpdate("INSERT INTO ref_amenagement (finess, indicateur, motif, nombre, periode_debut, "
                            + "periode_fin, reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    referential.declared().stream().map(d -> new Object[]{d.finess(),
                            d.adjustment().indicator().name(), d.adjustment().motif(), d.adjustment().count(),
                            date(d.adjustment().periodStart()), date(d.adjustment().periodEnd()),
                            d.adjustment().reference()}).toList());
            jdbc.batchUpdate("INSERT INTO ref_rejet (fichier, ligne, colonne, valeur, motif) VALUES (?, ?, ?, ?, ?)",
                    referential.rejections().stream().map(r -> new Object[]{r.file(), r.line(), r.column(),
                            r.value(), r.reason()}).toList());
        });
    }

    public Referential load() {
        List<Project> projects = jdbc.query("SELECT * FROM ref_projet ORDER BY projet_id", (rs, i) -> new Project(
                rs.getString("projet_id"), rs.getString("intitule"), rs.getString("finess_ej_porteur"),
                Project.FundingType.valueOf(rs.getString("type_financement")), local(rs.getDate("date_convention")),
                local(rs.getDate("date_fin_deploiement")), rs.getString("version_regles"),
                (Boolean) rs.getObject("logiciel_reference_segur")));
        List<Essms> essms = jdbc.query("SELECT * FROM ref_essms ORDER BY finess", (rs, i) -> new Essms(
                rs.getString("finess"), rs.getString("finess_ej"), rs.getString("raison_sociale"),
                rs.getString("categorie"), rs.getString("departement"), rs.getString("projet_id"),
                rs.getString("editeur")));
        List<DeclaredAdjustmentRow> declared = jdbc.query("SELECT * FROM ref_amenagement ORDER BY finess",
                (rs, i) -> new DeclaredAdjustmentRow(rs.getString("finess"), new DeclaredAdjustment(
                        Indicator.valueOf(rs.getString("indicateur")), rs.getString("motif"), rs.getInt("nombre"),
                        local(rs.getDate("periode_debut")), local(rs.getDate("periode_fin")),
                        rs.getString("reference"))));
        List<Rejection> rejections = jdbc.query("SELECT * FROM ref_rejet ORDER BY fichier, ligne",
                (rs, i) -> new Rejection("referentiel", rs.getString("fichier"), rs.getLong("ligne"),
                        rs.getString("colonne"), rs.getString("valeur"), rs.getString("motif")));
        return new Referential(essms, projects, declared, rejections, List.of());
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
