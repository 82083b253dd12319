package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Without YHL_JWT_SECRET the embedded default keeps one key in its data folder, so tokens outlive a restart. */
class JwtSecretFileTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesAKey_andTheNextStartUsesItAgain() throws IOException {
        String first = JwtSecretFile.resolve(null, true, dataDir.resolve("data"));
        String second = JwtSecretFile.resolve("", true, dataDir.resolve("data"));

        assertThat(first).isEqualTo(second);
        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        Path file = dataDir.resolve("data").resolve(JwtSecretFile.FILE_NAME);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        // no temporary file left behind
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aConfiguredSecretWins_andNoFileIsWritten() {
        String secret = "a-configured-secret-of-at-least-32-bytes";
        assertThat(JwtSecretFile.resolve(secret, true, dataDir)).isEqualTo(secret);
        assertThat(dataDir.resolve(JwtSecretFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void withoutASecretAndWithoutLeaveToMakeOne_startUpIsRefused() {
        assertThatThrownBy(() -> JwtSecretFile.resolve(" ", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YHL_JWT_SECRET");
        assertThat(dataDir.resolve(JwtSecretFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aKeyFileOthersCanRead_isMadeOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path file = dataDir.resolve(JwtSecretFile.FILE_NAME);
        String secret = "an-older-key-file-of-at-least-32-bytes-long";
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(JwtSecretFile.resolve(null, true, dataDir)).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aTruncatedKeyFile_isRefusedRatherThanReplaced() throws IOException {
        Path file = dataDir.resolve(JwtSecretFile.FILE_NAME);
        Files.writeString(file, "short");
        assertThatThrownBy(() -> JwtSecretFile.resolve(null, true, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("short");
    }

    @Test
    void productionTakesTheSecretOnlyFromTheEnvironment() throws IOException {
        PropertySource<?> prod = new YamlPropertySourceLoader()
                .load("prod", new ClassPathResource("application-prod.yml")).get(0);
        assertThat(prod.getProperty("yihuiliao.security.generate-jwt-secret")).isEqualTo(false);
        // a missing variable resolves to blank (then refused), not to the placeholder's own text
        assertThat(prod.getProperty("yihuiliao.security.jwt-secret")).isEqualTo("${YHL_JWT_SECRET:}");
        PropertySource<?> embedded = new YamlPropertySourceLoader()
                .load("default", new ClassPathResource("application.yml")).get(0);
        assertThat(embedded.getProperty("yihuiliao.security.generate-jwt-secret")).isEqualTo(true);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
