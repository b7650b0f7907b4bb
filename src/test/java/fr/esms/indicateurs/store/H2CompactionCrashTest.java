package fr.esms.indicateurs.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2CompactionCrashTest extends CompactionCrashContractTest {

    @TempDir
    Path folder;

    @Override
    String freshUrl() {
        return "jdbc:h2:file:" + folder.resolve("base");
    }

    @Override
    String vendor() {
        return "h2";
    }
}
