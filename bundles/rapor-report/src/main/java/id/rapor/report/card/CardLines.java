package id.rapor.report.card;

import id.rapor.api.advice.Plan;
import id.rapor.report.text.Words;
import java.util.List;

/** The sentences a card says in both its forms: each step of the plan ("to reach B-: …"). */
final class CardLines {
    private CardLines() {}

    static List<String> steps(Plan plan, Words w) {
        return plan.steps().stream().map(s -> w.say("report.advice.step", s.code(), s.name(), w.number(s.from()), w.number(s.to()),
                w.number(s.gain().setScale(Math.min(4, Math.max(2, s.gain().scale())), java.math.RoundingMode.HALF_UP)),
                s.descriptor() == null ? "" : s.descriptor())).toList();
    }
}
