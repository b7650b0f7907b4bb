package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.ingest.EditorProfile;
import fr.esms.indicateurs.ingest.EditorProfiles;
import fr.esms.indicateurs.ingest.ProfileException;

import java.nio.file.Path;

/** The editor profiles a run reads its packages with, and the one the operator imposed (or null). */
public record ProfileChoice(EditorProfiles profiles, EditorProfile forced) {

    /**
     * Loads the profiles of the job parameters ({@code profils}: folder, {@code profil}: name imposed on every
     * package), or none.
     *
     * @throws ProfileException when a profile is invalid or the named one does not exist
     */
    public static ProfileChoice load(String folder, String name) {
        EditorProfiles profiles = folder == null || folder.isBlank() ? EditorProfiles.none()
                : EditorProfiles.load(Path.of(folder));
        EditorProfile forced = null;
        if (name != null && !name.isBlank()) {
            forced = profiles.named(name.trim()).orElseThrow(() -> new ProfileException("profil « " + name
                    + " » inconnu (profils : " + profiles.names() + ")"));
        }
        return new ProfileChoice(profiles, forced);
    }
}
