package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.records.EntryRound;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The regions' entry rounds as JSON, each with where it stands today ({@code state}). */
public final class EntryRoundViews {
    private EntryRoundViews() {}

    public static void round(JsonGenerator g, EntryRound r, String regionName, LocalDate today) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeStringField("region", r.region());
        g.writeStringField("regionName", regionName);
        g.writeStringField("family", r.family());
        g.writeNumberField("year", r.year());
        g.writeStringField("opensOn", r.opensOn().toString());
        g.writeStringField("closesOn", r.closesOn().toString());
        g.writeBooleanField("closed", r.closed());
        g.writeStringField("state", r.stateOn(today).wire());
        g.writeStringField("createdBy", r.createdBy());
        g.writeStringField("createdAt", r.createdAt().toString());
        g.writeStringField("updatedBy", r.updatedBy());
        g.writeStringField("updatedAt", r.updatedAt().toString());
        g.writeEndObject();
    }

    public static void rounds(JsonGenerator g, List<EntryRound> rounds, Function<String, String> regionName, LocalDate today) throws IOException {
        g.writeStartArray();
        for (EntryRound r : rounds) round(g, r, regionName.apply(r.region()), today);
        g.writeEndArray();
    }
}
