package fr.esms.indicateurs.solde;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * The solde workbook, in French: Décision (the project, its windows, the decision in words and the amounts),
 * ESSMS (each indicator of each ESSMS with its adjustments) and Preuves (the packages that fed the figures, the
 * command, the tool's version, the SHA-256 of the canonical CSV). Optionally encrypted (Excel agile encryption).
 * Each sheet is written by its own class ({@link SoldeDecisionSheet}, {@link SoldeEssmsSheet},
 * {@link SoldeProofsSheet}) with the shared {@link SoldeStyles} and {@link SoldeCells}.
 */
public final class SoldeWorkbook {

    /** Amounts in whole euros; French Excel shows the grouping as a space: {@code 42 000 €}. */
    static final String EUROS = "#,##0 \"€\"";
    static final String RATE = "0.0 %";
    static final String TARGET = "0 %";
    static final String DATE = "dd/mm/yyyy";
    static final String DATE_TIME = "dd/mm/yyyy hh:mm:ss";

    static final String DECISION = "Décision";
    static final String ESSMS = "ESSMS";
    static final String PREUVES = "Preuves";

    /** Writes the workbook; encrypted with {@code password} unless it is null. */
    public void write(ProjectSolde solde, SoldeProof proof, String password, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreator(proof.toolVersion());
            workbook.getProperties().getCoreProperties().setTitle("Solde du projet " + solde.project().projetId()
                    + " — " + solde.windows().month());
            SoldeStyles styles = new SoldeStyles(workbook);
            SoldeDecisionSheet.write(workbook.createSheet(DECISION), styles, solde);
            SoldeEssmsSheet.write(workbook.createSheet(ESSMS), styles, solde);
            SoldeProofsSheet.write(workbook.createSheet(PREUVES), styles, proof);
            if (password == null) {
                workbook.write(out);
            } else {
                encrypted(workbook, password, out);
            }
        }
    }

    private static void encrypted(XSSFWorkbook workbook, String password, OutputStream out) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                workbook.write(data);
            } catch (GeneralSecurityException e) {
                throw new IOException("chiffrement du classeur impossible : " + e.getMessage(), e);
            }
            fs.writeFilesystem(out);
        }
    }
}
