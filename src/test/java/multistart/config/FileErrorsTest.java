package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {

    @TempDir
    Path tmp;

    /** The file system's own exception for a folder under a plain file: its reason, and where. */
    @Test
    void aFolderUnderAFileSaysWhyAndWhere() throws IOException {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "name: x\n");
        Path wanted = file.resolve("results");
        IOException e = catchThrowableOfType(IOException.class, () -> Files.createDirectories(wanted));
        // Linux says "Not a directory" about the path asked for; the sentence names that path already
        assertThat(FileErrors.reason(e, wanted)).isIn("not a directory", "a file of that name is in the way ("
                + file + ")");
    }

    @Test
    void exceptionsWhoseMessageIsOnlyThePathGetAReason() {
        Path p = tmp.resolve("c.yaml");
        assertThat(FileErrors.reason(new AccessDeniedException(p.toString()), p)).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new NoSuchFileException(p.toString()), p)).isEqualTo("no such file or folder");
        // another file than the one the sentence is about is named
        assertThat(FileErrors.reason(new AccessDeniedException(tmp.toString()), p))
                .isEqualTo("permission denied (" + tmp + ")");
        assertThat(FileErrors.reason(new IOException("No space left on device"), p))
                .isEqualTo("No space left on device");
    }
}
