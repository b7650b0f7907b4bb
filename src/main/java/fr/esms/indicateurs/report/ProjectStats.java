package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A project's counts, and which of its ESSMS miss which target. */
final class ProjectStats {

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    final String id;
    final ProjectInfo info;
    final GroupStats stats;
    String titleFromRows = "";
    private final Map<String, Integer> missedBy = new LinkedHashMap<>();
    private final List<String> failing = new ArrayList<>();
    private int failingNotListed;

    ProjectStats(String id, ProjectInfo info) {
        this.id = id;
        this.info = info;
        this.stats = new GroupStats(id);
        for (Indicator indicator : RATED) {
            missedBy.put(FrenchText.indicatorShort(indicator), 0);
        }
        missedBy.put("sans données", 0);
    }

    void add(RegionalRow row, LocalDate lateAfter) {
        stats.add(row, lateAfter);
        EssmsIdentity id = row.identity();
        if (titleFromRows.isEmpty() && id.projetIntitule() != null) {
            titleFromRows = id.projetIntitule();
        }
        EssmsMeasure measure = row.measure();
        List<String> missed = new ArrayList<>();
        if (measure == null) {
            missed.add("sans données");
        } else if (!measure.reachesAllTargets()) {
            for (IndicatorResult result : measure.results()) {
                if (result.indicator().isRated() && result.attainment() != Attainment.EXEMPTE
                        && !result.isReached()) {
                    String name = FrenchText.indicatorShort(result.indicator());
                    missed.add(result.attainment() == Attainment.NC ? name + " (NC)" : name);
                    missedBy.merge(name, 1, Integer::sum);
                }
            }
        }
        if (measure == null) {
            missedBy.merge("sans données", 1, Integer::sum);
        }
        if (missed.isEmpty()) {
            return;
        }
        if (failing.size() < RegionalWorkbookWriter.FAILING_LISTED) {
            failing.add(id.finess() + " " + FrenchText.orEmpty(id.raisonSociale()) + " : "
                    + String.join(", ", missed));
        } else {
            failingNotListed++;
        }
    }

    boolean reachesAllTargets() {
        return stats.essms > 0 && stats.reachingAll == stats.essms;
    }

    /** "DMP : 4 ; MSSanté : 2 ; sans données : 1". */
    String missedSummary() {
        return missedBy.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " : " + e.getValue())
                .collect(Collectors.joining(" ; "));
    }

    String failingList() {
        String list = String.join("\n", failing);
        return failingNotListed == 0 ? list
                : list + "\n… et " + failingNotListed + " autre(s) : voir l'onglet ESSMS";
    }
}
