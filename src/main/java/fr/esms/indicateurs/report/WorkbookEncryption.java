package fr.esms.indicateurs.report;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Excel's agile encryption (the one the solde workbook uses), around any xlsx package however it was written:
 * SpreadsheetML written directly, or POI. Excel, LibreOffice and POI open the result with the password.
 *
 * <p>Each file derives its key from the password anew (100,000 SHA-512 rounds, a fresh salt and a fresh random
 * key): that derivation, not the cipher, is most of the cost ({@code WorkbookEncryptionTest} measures it).
 */
final class WorkbookEncryption {

    private WorkbookEncryption() {
    }

    /** Writes {@code plain}, encrypted with {@code password}, to {@code out}. */
    static void encrypt(WorkbookFiles.Content plain, String password, OutputStream out) throws IOException {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("mot de passe vide : classeur non chiffré");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                plain.writeTo(data);
            } catch (GeneralSecurityException e) {
                throw new IOException("chiffrement du classeur impossible : " + e.getMessage(), e);
            }
            fs.writeFilesystem(out);
        }
    }
}
