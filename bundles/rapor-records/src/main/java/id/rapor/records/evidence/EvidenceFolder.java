package id.rapor.records.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The evidence files on disk, named by their content: {@code <root>/ab/ab12…} for SHA-256
 * {@code ab12…}. A file arrives in {@code <root>/incoming/} (the same file system, so the move
 * that follows is atomic), is hashed while it is written, forced to disk, and only then moved to
 * its name: a file under its name is always whole. Files and folders are the process's alone
 * (0600, 0700 where the file system has POSIX permissions): never executable, never another
 * user's to read.
 */
final class EvidenceFolder {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{64}");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final Path incoming;
    private final boolean posix;

    EvidenceFolder(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve("incoming");
        Files.createDirectories(this.root);
        this.posix = Files.getFileStore(this.root).supportsFileAttributeView("posix");
        folder(incoming);
    }

    /** A file received whole into {@code incoming/}, not yet under its name. */
    record Received(Path file, String sha256, long size) {
        String key() {
            return sha256.substring(0, 2) + "/" + sha256;
        }
    }

    /** Thrown when the content is longer than allowed; nothing of it is left on disk. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("longer than " + limit + " bytes");
        }
    }

    /** Reads {@code content} to its end (at most {@code maxBytes}) into a new file of {@code incoming/}, forced to disk. */
    Received receive(InputStream content, long maxBytes) throws IOException {
        Path file = incoming.resolve(UUID.randomUUID() + ".part");
        boolean kept = false;
        try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(FILE))) {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = content.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) throw new TooLarge(maxBytes);
                sha.update(buffer, 0, n);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) out.write(bytes);
            }
            out.force(true);
            kept = true;
            return new Received(file, HexFormat.of().formatHex(sha.digest()), size);
        } finally {
            if (!kept) Files.deleteIfExists(file);
        }
    }

    /**
     * Moves a received file to its name. Returns whether it is new there: false if the same
     * content was stored already (the received copy is then dropped, the stored one untouched).
     */
    boolean keep(Received r) throws IOException {
        Path target = file(r.key());
        folder(target.getParent());
        if (Files.exists(target)) {
            Files.delete(r.file());
            return false;
        }
        try {
            Files.move(r.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.deleteIfExists(r.file());
            throw e;
        }
        syncFolder(target.getParent());
        return true;
    }

    /** The bytes free for this process on the disk that holds the folder (and, by default, all of data/). */
    long usableSpace() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    void discard(Received r) throws IOException {
        Files.deleteIfExists(r.file());
    }

    /** The stored file of {@code key} ({@code ab/ab12…}); never outside the folder. */
    Path file(String key) {
        if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("not an evidence key: " + key);
        return root.resolve(key);
    }

    void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    /**
     * Removes what a crash may have left: every file of {@code incoming/}, and every stored
     * file that no row names. Run while nothing is being attached. Returns how many were removed.
     */
    int sweep(Predicate<String> named) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming)) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        try (Stream<Path> all = Files.walk(root, 2)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith("incoming/")) continue;
                if (!KEY.matcher(key).matches() || !named.test(key)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private void folder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) return;
        Files.createDirectories(folder, attributes(FOLDER));
    }

    private FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /** Makes the move itself durable; where a folder cannot be opened (Windows), the move is durable enough. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
