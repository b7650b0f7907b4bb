package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Sector;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** All the counts of the regional workbook, from one pass over the rows. */
record RegionalGroups(GroupStats region, Map<String, GroupStats> departements, Map<Sector, GroupStats> sectors,
                      Map<String, GroupStats> editors, Map<String, ProjectStats> projects, String rulesVersions) {

    static RegionalGroups of(RegionalReport report, List<RegionalRow> rows) {
        GroupStats region = new GroupStats("Total région");
        Map<String, GroupStats> departements = new TreeMap<>();
        Map<Sector, GroupStats> sectors = new EnumMap<>(Sector.class);
        Map<String, GroupStats> editors = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, ProjectStats> projects = new TreeMap<>();
        for (ProjectInfo info : report.projects()) {
            String id = keyOrDefault(info.projetId(), "");
            projects.put(id, new ProjectStats(id, info));
        }
        LocalDate lateAfter = report.lateAfter();
        Set<String> versions = new TreeSet<>();
        for (RegionalRow row : rows) {
            EssmsIdentity id = row.identity();
            region.add(row, lateAfter);
            String departement = keyOrDefault(id.departement(), RegionalWorkbookWriter.NO_DEPARTEMENT);
            departements.computeIfAbsent(departement, GroupStats::new).add(row, lateAfter);
            sectors.computeIfAbsent(id.sector(), s -> new GroupStats(FrenchText.sector(s))).add(row, lateAfter);
            String editor = keyOrDefault(id.editeur(), RegionalWorkbookWriter.NO_EDITOR);
            editors.computeIfAbsent(editor, GroupStats::new).add(row, lateAfter);
            String project = keyOrDefault(id.projetId(), "");
            projects.computeIfAbsent(project, p -> new ProjectStats(p, null)).add(row, lateAfter);
            if (row.measure() != null && row.measure().rulesVersion() != null) {
                versions.add(row.measure().rulesVersion());
            }
        }
        return new RegionalGroups(region, departements, sectors, editors, projects,
                versions.isEmpty() ? "" : String.join(" ; ", versions));
    }

    private static String keyOrDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
