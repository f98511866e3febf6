package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.http.auth.UsersFile;
import java.io.IOException;
import java.util.Collection;

/** Users as the admin's API shows them: the name and the grants, never the password's hash. */
public final class UserViews {
    private UserViews() {}

    /** {"name": "ani", "roles": ["admin", "evaluator@kab-a"]} (sorted). */
    public static void user(JsonGenerator g, UsersFile.User user) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", user.name());
        g.writeArrayFieldStart("roles");
        String grants = user.grants();
        if (!grants.isEmpty()) for (String grant : grants.split(",")) g.writeString(grant);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {"users": [...], "roles": [the roles one may grant]}: by name. */
    public static void users(JsonGenerator g, Collection<UsersFile.User> users) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("users");
        for (UsersFile.User u : users) user(g, u);
        g.writeEndArray();
        g.writeArrayFieldStart("roles");
        for (String role : UsersFile.roles()) g.writeString(role);
        g.writeEndArray();
        g.writeEndObject();
    }
}
