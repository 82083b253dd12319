package com.yihuiliao.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens' HMAC key. Production gives it in YHL_JWT_SECRET (the same on every node). The embedded
 * default, without one, generates a key once and keeps it in {@code data-dir/jwt-secret}, readable by
 * the owner only, so tokens survive a restart.
 */
final class JwtSecretFile {

    static final String FILE_NAME = "jwt-secret";
    static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(JwtSecretFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JwtSecretFile() {
    }

    /**
     * @param configured yihuiliao.security.jwt-secret; wins when given
     * @param generate   whether a missing secret may be generated and kept in the data folder (not in prod)
     */
    static String resolve(String configured, boolean generate, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!generate) {
            throw new IllegalStateException("No token key: set YHL_JWT_SECRET (yihuiliao.security.jwt-secret, at least "
                    + MIN_BYTES + " bytes, the same on every node)");
        }
        return loadOrCreate(dataDir.resolve(FILE_NAME));
    }

    static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        // written whole under a temporary name, then linked into place: another process starting at the
        // same moment either finds no key or the complete one, and the first one linked wins
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp", ownerOnly());
        try {
            Files.writeString(temp, secret + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
                log.warn("No YHL_JWT_SECRET set: generated a token key in {} (kept for the next start). "
                        + "Set YHL_JWT_SECRET, the same on every node, in production.", file);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // theirs is read below
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String read(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("Token key {} was readable by others: made owner-only", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            // never silently replaced: a new key would log everyone out, and a damaged file needs a look
            throw new IllegalStateException("Token key " + file + " is shorter than " + MIN_BYTES
                    + " bytes: restore it, or delete it to generate a new one (every token then becomes invalid)");
        }
        return secret;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
