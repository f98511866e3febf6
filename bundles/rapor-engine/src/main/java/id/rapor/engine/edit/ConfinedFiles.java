package id.rapor.engine.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reading and writing inside the edit folder without ever leaving it. The folder is writable by
 * policy staff, who may leave symbolic links there: a link followed on reading would propose any
 * file the server can read (etc/users.properties) as a table, and followed on writing would let an
 * export overwrite any file the server can write (bin/rapor-user). So links are never followed,
 * every folder written into must really lie inside the root, and a file is written under a fresh
 * random name (created new, never opened if it exists) and then renamed over its place, which
 * replaces a link there instead of writing through it.
 */
final class ConfinedFiles {
    private final Path root;

    ConfinedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** True for a regular file that is not a link, in a folder inside the root. */
    boolean isFile(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && inside(file.getParent());
    }

    /** A folder to read from or create: not a link, and really inside the root. */
    boolean isFolder(Path folder) throws IOException {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && inside(folder);
    }

    String read(Path file) throws IOException {
        if (!isFile(file)) throw new IOException(root.relativize(file.toAbsolutePath().normalize()) + " is not a plain file inside the edit folder");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Writes {@code text} aside under a fresh name in {@code target}'s folder; {@link #place} then puts it where it goes. */
    Path writeAside(Path target, String text) throws IOException {
        Path folder = folder(target.getParent());
        Path temp = Files.createTempFile(folder, ".rapor-", ".tmp"); // created new, under a name nobody could have planted
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        return temp;
    }

    /** Renames a file written aside over {@code target}: a link standing there is replaced, never written through. */
    void place(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void write(Path target, String text) throws IOException {
        place(writeAside(target, text), target);
    }

    /** The folder, created if need be, refused if it (or a folder on the way) is a link leading out. */
    private Path folder(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        if (!f.startsWith(root)) throw new IOException(f + " is outside the edit folder");
        Files.createDirectories(root); // the operator's folder: made on first use
        Path at = root;
        for (Path part : root.relativize(f)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) throw new IOException(root.relativize(at) + " is a link: the edit folder holds no links");
            if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(at);
        }
        if (!inside(f)) throw new IOException(f + " leads outside the edit folder");
        return f;
    }

    private boolean inside(Path folder) throws IOException {
        return folder.toRealPath().startsWith(root.toRealPath());
    }
}
