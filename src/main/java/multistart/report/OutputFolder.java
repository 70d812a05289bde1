package multistart.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The results folder. Every file is written under a temporary name and renamed into place,
 * so a reader (or a crash) never sees half a file.
 */
public final class OutputFolder {

    /** Writes the content of one file. */
    public interface Content {
        void write(Writer out) throws IOException;
    }

    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(
            OutputFolder.class);

    private final Path dir;

    public OutputFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes {@code name} atomically as UTF-8 text. */
    public void write(String name, Content content) throws IOException {
        stage(name, content).commit();
    }

    /** Writes the content of one file as bytes. */
    public interface Bytes {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code name} atomically from the bytes its content writes (unbuffered: it buffers). */
    public void writeStream(String name, Bytes content) throws IOException {
        prepareBytes(name, content).commit();
    }

    /** Writes {@code name} atomically as bytes. */
    public void writeBytes(String name, byte[] bytes) throws IOException {
        prepareBytes(name, os -> os.write(bytes)).commit();
    }

    /** A file written under its temporary name, not yet in place. */
    public interface Pending {
        /** Moves the file into place. */
        void commit() throws IOException;

        /** Deletes the file under its temporary name, where it is not to go into place after all. */
        void discard() throws IOException;
    }

    /**
     * Writes {@code name}'s content under its temporary name and returns what moves it into place
     * ({@link Pending#commit}): for a file written on a thread of its own that must go into place
     * after others (result.json, which marks the folder complete).
     */
    public Pending stage(String name, Content content) throws IOException {
        return prepareBytes(name, os -> {
            // closed, not just flushed: a content may close its writer itself (CSVPrinter does)
            try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                content.write(w);
            }
        });
    }

    private Pending prepareBytes(String name, Bytes content) throws IOException {
        long t0 = System.nanoTime();
        Path tmp = dir.resolve("." + name + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            content.write(os);
        }
        LOG.debug("{} written in {} s", name, String.format(java.util.Locale.ROOT, "%.3f",
                (System.nanoTime() - t0) / 1e9));
        return new Pending() {
            @Override
            public void commit() throws IOException {
                moveIntoPlace(tmp, dir.resolve(name));
            }

            @Override
            public void discard() throws IOException {
                Files.deleteIfExists(tmp);
            }
        };
    }

    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
