package id.rapor.http.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * etc/id.rapor.http.cfg: the HTTP API's settings, one typed configuration shared by the
 * components that read them (the servlet, the guard, the Jetty hardening), applied while Rapor
 * runs. A value out of its range is said in the log and its default stands.
 */
@ObjectClassDefinition(name = "Rapor HTTP API", description = "The HTTP API's settings (etc/id.rapor.http.cfg).")
public @interface Settings {
    String PID = "id.rapor.http";

    @AttributeDefinition(name = "Scoring protected", description = "Scoring needs a user with the role evaluator (HTTP Basic; "
            + "users are added with bin/rapor-user). Rule changes always need the role policy.")
    boolean scoring_protected() default false;

    @AttributeDefinition(name = "CORS origins", description = "Browser origins allowed to call the API, comma-separated, or * "
            + "for any; empty: none (a page of another origin can then neither read answers nor change anything).")
    String cors_origins() default "";

    @AttributeDefinition(name = "Access log", description = "One log line per request with its X-Request-Id; it costs throughput.")
    boolean access_log() default false;

    @AttributeDefinition(name = "Units per batch", min = "1", description = "Most units one batch (region, impact) may hold; more is 413.")
    int batch_max_units() default 5000;

    @AttributeDefinition(name = "Concurrent batches", min = "1", description = "Batches scored at once; one more is 503 with Retry-After.")
    int batch_concurrent() default 2;

    @AttributeDefinition(name = "Refusals recorded a minute", min = "1", description = "Refusals (401, 403) per client address "
            + "a minute written to the audit trail one by one; the rest as one summary entry.")
    int audit_refusals_per_minute() default 20;

    @AttributeDefinition(name = "Minimum data rate", min = "0", description = "Bytes a second a request body or an answer must at "
            + "least move at, or the connection ends (408); 0 turns it off.")
    int min_data_rate() default 2048;

    @AttributeDefinition(name = "Connections per address", min = "1", description = "Open connections one client address may hold; "
            + "behind a reverse proxy every client is the proxy's address, so raise it there.")
    int connections_per_address() default 64;

    @AttributeDefinition(name = "Trusted proxies", description = "Addresses of load balancers or reverse proxies (comma-separated "
            + "IP addresses) whose X-Forwarded-For Rapor believes: a request from one of them is counted, limited and audited under "
            + "the client address it forwards. Empty: X-Forwarded-For is ignored (anyone can send it).")
    String proxies_trusted() default "";

    /** Range checks for the settings. */
    final class Check {
        private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

        private Check() {}

        /** {@code value} if it lies from {@code min} to {@code max}, else {@code fallback}, said in the log. */
        public static int within(String key, int value, int min, int max, int fallback) {
            if (value >= min && value <= max) return value;
            LOG.error("{} in etc/{}.cfg must be a whole number from {} to {}, not {}; using {}", key, PID, min, max, value, fallback);
            return fallback;
        }

        public static long within(String key, long value, long min, long max, long fallback) {
            if (value >= min && value <= max) return value;
            LOG.error("{} in etc/{}.cfg must be a whole number from {} to {}, not {}; using {}", key, PID, min, max, value, fallback);
            return fallback;
        }
    }

    @AttributeDefinition(name = "Request body deadline", min = "1000", description = "Milliseconds from a request's start by which "
            + "its body must be complete, or it is answered 408 and the connection closed.")
    int body_deadline_ms() default 20000;

    @AttributeDefinition(name = "Largest request body", min = "1024", max = "67108864", description = "Bytes a request body "
            + "(an assessment, a batch, a revision or rule bundle jar) may have; a longer one is 413 body-too-large naming the "
            + "limit. A body being read takes several times its size in heap: raise the heap with it.")
    int body_max_bytes() default RequestBody.DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Bodies read at once", min = "1", description = "Request bodies read at the same time, from all "
            + "clients together; one more is answered 503 (server-busy, Retry-After: 1) without reading it. Keep it well below "
            + "the server's threads, so calls without a body always find one.")
    int bodies_concurrent() default 100;

    @AttributeDefinition(name = "Refusals recorded a minute in all", min = "1", description = "Refusals (401, 403) written to the "
            + "audit trail one by one a minute, from all addresses together; the rest as summary entries.")
    int audit_refusals_total_per_minute() default 200;

    @AttributeDefinition(name = "Largest evidence file", min = "1024", max = "1073741824", description = "Bytes one evidence file "
            + "may have; a longer one is 413 evidence-too-large. Evidence streams to disk and is not limited by body.max.bytes.")
    int evidence_max_bytes() default 10 << 20;

    @AttributeDefinition(name = "Evidence files per assessment", min = "1", max = "10000", description = "Files one assessment may "
            + "carry, all indicators together; one more is 409 evidence-full.")
    int evidence_max_files() default 100;

    @AttributeDefinition(name = "Largest round sheet", min = "1024", max = "268435456", description = "Bytes a round's sheet (CSV or "
            + "Excel workbook) sent to POST /api/v1/rounds/import may have; a longer one is 413. It is read whole into the heap.")
    int import_max_bytes() default 16 << 20;

    @AttributeDefinition(name = "Rows of a round sheet", min = "1", max = "1000000", description = "Rows below the header a round's "
            + "sheet may have; more is 413.")
    int import_max_rows() default 10_000;

    @AttributeDefinition(name = "Unpacked workbook size", min = "65536", max = "1073741824", description = "Bytes an Excel workbook "
            + "sent to an import may unpack to (a workbook is a zip: a small one may unpack to gigabytes); more is 413.")
    int import_max_unpacked_bytes() default 128 << 20;

    @AttributeDefinition(name = "Evidence bytes per unit", min = "1048576", max = "1099511627776", description = "Bytes all the "
            + "assessments of one unit may carry in evidence together, each attachment counted (also where two share a content); "
            + "a file that would pass it is 409 evidence-quota.")
    long evidence_unit_max_bytes() default 2L << 30;

    @AttributeDefinition(name = "Free disk floor", min = "0", max = "1099511627776", description = "Bytes the disk under "
            + "data/evidence keeps free: an upload is refused (507 insufficient-storage) when the free space less the largest "
            + "file allowed is below it, or when it is below it once the file is written; nothing of it is kept.")
    long evidence_disk_min_free_bytes() default 512L << 20;

    @AttributeDefinition(name = "Backups kept", min = "1", max = "1000", description = "Backups POST /api/v1/backups (and "
            + "bin/rapor-backup, which asks it) keeps under data/backups/: once one is written, the oldest beyond this number are "
            + "deleted, so repeated backups cannot fill the disk. Copy the ones to keep longer elsewhere.")
    int backups_keep() default 10;

    @AttributeDefinition(name = "Drafts per unit, round and role", min = "1", max = "1000", description = "Draft assessments a "
            + "unit may hold for one round (family and year) and role; one more (entered or re-scored) is 409 too-many-drafts.")
    int assessment_drafts_max() default 10;

    @AttributeDefinition(name = "Session idle time", min = "5", max = "86400", description = "Seconds a browser session (POST "
            + "/api/v1/session, the web application's login) lasts without a call; it ends after 12 hours whatever. Changing "
            + "any HTTP setting ends every session.")
    int session_idle_seconds() default 1800;
}
