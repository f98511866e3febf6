package id.rapor.client;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** Turns what went wrong into a RaporException: a refusal's problem+json, or why no answer came. */
final class Problems {
    private static final TypeToken<List<Types.FieldError>> FIELD_ERRORS = new TypeToken<>() {};

    private Problems() {}

    /** A non-2xx answer: RFC 9457 problem details when the body has them, else the body's start (a proxy's HTML page). */
    static RaporException refusal(Gson gson, URI uri, int status, String body, String requestId) {
        JsonObject p = object(gson, body);
        if (p == null) {
            return new RaporException(status, null, "HTTP " + status, uri + " answered: " + abbreviate(body), List.of(), null, requestId, null);
        }
        List<Types.FieldError> errors = List.of();
        try {
            if (p.has("errors") && p.get("errors").isJsonArray()) errors = gson.fromJson(p.get("errors"), FIELD_ERRORS);
        } catch (JsonParseException e) {
            // Malformed field errors must not hide the status and detail.
        }
        return new RaporException(status, text(p, "type"), text(p, "title"), text(p, "detail"), errors, text(p, "instance"), requestId, null);
    }

    /** No answer: the connection was refused or timed out. Status 0, and the message names the URL. */
    static RaporException unreachable(URI uri, Exception e, Duration connectTimeout, Duration requestTimeout) {
        String why;
        if (e instanceof HttpConnectTimeoutException) why = "could not connect within " + seconds(connectTimeout);
        else if (e instanceof HttpTimeoutException) why = "no answer within " + seconds(requestTimeout);
        else if (e instanceof InterruptedException) why = "interrupted while waiting for the answer";
        else if (e instanceof ConnectException && e.getMessage() == null) why = "refused the connection; is Rapor running there?";
        else why = "could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new RaporException(0, null, "Rapor unreachable", uri + " " + why, List.of(), null, null, e);
    }

    /** A 2xx answer that is not the JSON this call expects: a wrong base URL, or another server on that port. */
    static RaporException unreadable(URI uri, int status, String body, RuntimeException e) {
        return new RaporException(status, null, "Unreadable answer",
                uri + " answered what is not Rapor's JSON (" + e.getMessage() + "): " + abbreviate(body), List.of(), null, null, e);
    }

    private static JsonObject object(Gson gson, String body) {
        try {
            JsonElement e = gson.fromJson(body, JsonElement.class);
            return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? "(an empty body)" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
