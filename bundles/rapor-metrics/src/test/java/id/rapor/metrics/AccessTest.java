package id.rapor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class AccessTest {
    private static final String TOKEN = "0123456789abcdefghij0123456789ab";

    private static MetricsSettings settings(String access, String token) {
        return new MetricsSettings() {
            @Override public Class<? extends Annotation> annotationType() { return MetricsSettings.class; }
            @Override public String access() { return access; }
            @Override public String token() { return token; }
        };
    }

    @Test
    void offByDefaultAndForAnythingMisspelt() {
        assertEquals(Access.Mode.OFF, Access.of(settings("off", "")).mode());
        assertEquals(Access.Mode.OFF, Access.of(settings("opne", "")).mode(), "a misspelt mode never opens");
        assertFalse(Access.of(settings("off", "")).admits(null));
    }

    @Test
    void aTokenShorterThan32CharactersKeepsMetricsOff() {
        assertEquals(Access.Mode.OFF, Access.of(settings("token", "short")).mode());
        assertEquals(Access.Mode.TOKEN, Access.of(settings("token", TOKEN)).mode());
    }

    @Test
    void onlyTheExactBearerTokenIsAdmitted() {
        Access a = Access.of(settings("token", TOKEN));
        assertTrue(a.admits("Bearer " + TOKEN));
        assertTrue(a.admits("bearer " + TOKEN), "the scheme's case does not matter");
        assertFalse(a.admits(null));
        assertFalse(a.admits(TOKEN), "without the scheme");
        assertFalse(a.admits("Bearer " + TOKEN.substring(1)));
        assertFalse(a.admits("Bearer " + TOKEN + "x"));
        assertFalse(a.admits("Basic " + TOKEN));
    }

    @Test
    void openAdmitsEveryone() {
        assertTrue(Access.of(settings(" Open ", "")).admits(null));
    }
}
