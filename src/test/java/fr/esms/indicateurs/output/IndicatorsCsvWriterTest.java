package fr.esms.indicateurs.output;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.store.ResultStore.StoredResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorsCsvWriterTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static StoredResult result(String finess, Indicator indicator, long numerator, long denominator) {
        return new StoredResult(finess, OCTOBER, 1, new IndicatorResult(indicator, numerator, denominator, 0,
                denominator, 90, denominator == 0 ? null : numerator * 100 >= 90 * denominator ? Attainment.OUI
                : Attainment.NON, 0), "2026.1", true);
    }

    @Test
    void rowsStreamedByFinessAreWrittenWithTheIndicatorsOfEachFinessSortedByName(@TempDir Path out)
            throws Exception {
        List<StoredResult> streamed = List.of(result("010000016", Indicator.MSS, 7, 10),
                result("010000016", Indicator.AGENDA, 9, 10), result("350005179", Indicator.DMP, 0, 0));

        Path file = new IndicatorsCsvWriter().write(out, OCTOBER, streamed::forEach);

        assertThat(Files.readAllLines(file)).containsExactly(
                "finess;mois;fenetre_mois;indicateur;numerateur;denominateur_brut;ajustement;denominateur;taux;"
                        + "cible;atteinte;manque",
                "010000016;2026-10;1;AGENDA;9;10;0;10;90.0;90;OUI;0",
                "010000016;2026-10;1;MSS;7;10;0;10;70.0;90;NON;0",
                "350005179;2026-10;1;DMP;0;0;0;0;;90;;0");
    }

    @Test
    void rowsOutOfFinessOrderStopTheWritingAndLeaveNoFile(@TempDir Path out) {
        List<StoredResult> streamed = List.of(result("350005179", Indicator.DMP, 1, 1),
                result("010000016", Indicator.MSS, 1, 1));

        assertThatThrownBy(() -> new IndicatorsCsvWriter().write(out, OCTOBER, streamed::forEach))
                .hasMessageContaining("résultats hors de l'ordre des FINESS (350005179 puis 010000016)");
        assertThat(out.resolve("indicateurs/2026-10.csv")).doesNotExist();
    }
}
