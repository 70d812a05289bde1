package multistart.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What went wrong with a file, in words. The file system's exceptions often carry only the
 * path as their message ("cannot read: /data/c.yaml" said nothing of why); this gives the reason
 * and names the file only when it is not the one the sentence is about already.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /** The reason {@code e} gives, for a sentence about {@code subject} (which it then does not repeat). */
    public static String reason(IOException e, Path subject) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "a file of that name is in the way";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            why = r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        } else {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException f && f.getFile() != null
                && (subject == null || !Path.of(f.getFile()).equals(subject))) {
            why += " (" + f.getFile() + ")";
        }
        return why;
    }
}
