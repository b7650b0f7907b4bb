package db.migration.common;

import fr.esms.indicateurs.store.SegmentMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the pivot rows of the former row tables (sejour, dossier, ...) into segments, then drops those tables:
 * a database filled by an earlier version keeps its whole history.
 */
public class V7__pivot_rows_to_segments extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SegmentMigration.moveRowTables(context.getConnection());
    }
}
