package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who an answer is written for: the language they read (Accept-Language; Indonesian when they
 * name none spoken here) and, for scores, whether they asked for exact numbers as well
 * ({@code ?exact=true}) besides the numbers as the regulation prints them.
 */
public record Audience(Language language, boolean exact) {
    private static final String ATTRIBUTE = Audience.class.getName();

    /** The language of a request, negotiated once per request. */
    public static Language language(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof Language l) return l;
        Language l = Language.negotiate(request.getHeader("Accept-Language"));
        request.setAttribute(ATTRIBUTE, l);
        return l;
    }

    /** The audience of a score: its language, and ?exact=true|false. */
    public static Audience of(HttpServletRequest request) throws HttpProblem {
        String exact = request.getParameter("exact");
        if (exact != null && !exact.equals("true") && !exact.equals("false")) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("exact", "query.exact", exact.length() > 40 ? exact.substring(0, 40) + "…" : exact)));
        }
        return new Audience(language(request), "true".equals(exact));
    }
}
