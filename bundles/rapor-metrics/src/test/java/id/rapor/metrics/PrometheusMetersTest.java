package id.rapor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusMetersTest {

    private static MetricsSettings access(String mode) {
        return new MetricsSettings() {
            @Override public Class<? extends Annotation> annotationType() { return MetricsSettings.class; }
            @Override public String access() { return mode; }
            @Override public String token() { return ""; }
        };
    }

    private static String text(PrometheusMeters meters) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, meters.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsOnlyWhileOn() throws Exception {
        PrometheusMeters meters = new PrometheusMeters();
        meters.configure(access("off"));
        meters.scored("pekppp-2022", "2022.1.0", 1);
        meters.request("POST", "/methodologies/{id}/score", 200, 1_000_000);
        assertFalse(text(meters).contains("pekppp-2022"), "nothing counted while off");

        meters.configure(access("open"));
        meters.scored("pekppp-2022", "2022.1.0", 1);
        meters.scored("pekppp-2022", "2022.1.0", 500);
        meters.request("POST", "/methodologies/{id}/score", 200, 1_000_000);
        meters.compiled("skm-2017", false, 2_000_000_000L);
        meters.audited("revision.activate", 200);
        meters.failedLogin();
        String text = text(meters);
        assertTrue(text.contains("rapor_units_scored_total{methodology=\"pekppp-2022\",version=\"2022.1.0\"} 501.0"), text);
        assertTrue(text.contains("rapor_http_request_seconds_bucket{method=\"POST\",route=\"/methodologies/{id}/score\",status=\"200\",le=\"0.001\"} 1"), text);
        assertTrue(text.contains("rapor_rule_compile_seconds_count{methodology=\"skm-2017\",outcome=\"refused\"} 1"), text);
        assertTrue(text.contains("rapor_audited_total{action=\"revision.activate\",status=\"200\"} 1.0"), text);
        assertTrue(text.contains("rapor_failed_logins_total 1.0"), text);
        assertTrue(text.contains("jvm_threads_current"), text);
        assertEquals(-1, text.indexOf("rapor_db_pool_total_connections "), "no pool, no figure");
    }
}
