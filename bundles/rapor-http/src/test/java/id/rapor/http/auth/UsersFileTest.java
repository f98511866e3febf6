package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class UsersFileTest {
    @TempDir
    Path etc;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = etc.resolve("users.properties");
        new UsersFile(file).put("siti", Set.of("policy"), "sandi-rahasia".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void twoCommandsAtOnceLoseNeitherChange() throws Exception {
        Path file = etc.resolve("users.properties");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // Two UsersFile objects, as two bin/rapor-user processes would have.
            Future<?> a = two.submit(() -> { new UsersFile(file).put("siti", Set.of("policy"), "sandi-1".toCharArray()); return null; });
            Future<?> b = two.submit(() -> { new UsersFile(file).put("budi", Set.of("evaluator"), "sandi-2".toCharArray()); return null; });
            a.get();
            b.get();
        } finally {
            two.shutdown();
        }
        assertEquals(Set.of("siti", "budi"), new UsersFile(file).all().keySet());
    }

    @Test
    void onlyRightCredentialsIdentifyAndTheRoleDecides401Or403() throws Exception {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        users.put("budi", Set.of("evaluator"), "sandi-2".toCharArray());
        Authenticator auth = new Authenticator(users);
        assertNull(auth.identify(basic("nobody", "sandi-2")));
        assertNull(auth.identify(basic("budi", "salah")));
        Authenticator.Caller budi = auth.identify(basic("budi", "sandi-2"));
        assertNotNull(budi);
        assertNull(Authenticator.refusal(budi, "evaluator"));
        assertEquals(403, Authenticator.refusal(budi, "policy").status());
        assertEquals(401, Authenticator.refusal(null, "policy").status());
    }
}
