package id.rapor.report.card;

import id.rapor.api.advice.Plan;
import id.rapor.api.records.AssessmentRole;
import id.rapor.report.chart.Charts;
import id.rapor.report.pdf.PdfPages;
import id.rapor.report.text.Words;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A unit's report card as a PDF: the figures first, the aspects as a chart, then every indicator. */
public final class CardPdf {
    private CardPdf() {}

    public static byte[] write(UnitCard card, Words w) {
        String name = card.unit().name();
        try (PdfPages pdf = new PdfPages(w.say("report.card.title", name), w.language().tag())) {
            pdf.title(w.say("report.card.title", name));
            pdf.text(w.say("report.card.subtitle", card.unit().id(), card.unit().kind().wire(), card.family(), card.year()));
            UnitCard.Official o = card.official();
            if (o == null) {
                pdf.heading(w.say("report.empty.card", card.family(), card.year()));
                if (card.pending()) pdf.text(w.say("report.empty.pending"));
                roles(pdf, card, w);
                return pdf.finish(w.say("report.made"));
            }
            pdf.title(w.say("report.official", w.index(o.index(), card.decimals()), w.band(o.bandCode(), o.bandLabel())));
            pdf.text(w.say("report.official.from", w.say("report.role." + o.role().wire()), o.assessment(), w.method(o.methodology())));
            pdf.text(o.title());

            pdf.heading(w.say("report.aspects"));
            List<UnitCard.AspectLine> weighed = o.aspects().stream().filter(a -> a.weight() == null || a.weight().signum() > 0).toList();
            if (!weighed.isEmpty()) {
                pdf.image(Charts.bars(weighed.stream().map(a -> shortName(a.name())).toList(),
                        weighed.stream().map(a -> a.score() == null ? BigDecimal.ZERO : a.score()).toList(), o.scaleMax(),
                        w.say("report.column.score"), true, w.language().tag(), 500, 40 + 26 * weighed.size()), 500);
            }
            List<List<String>> aspects = new ArrayList<>();
            for (UnitCard.AspectLine a : o.aspects()) {
                aspects.add(List.of(a.name() == null ? a.id() : a.name(), w.number(a.weight()), w.number(a.score()), w.number(a.contribution())));
            }
            pdf.table(new float[] {0.55f, 0.15f, 0.15f, 0.15f}, new boolean[] {false, true, true, true},
                    List.of(w.say("report.column.aspect"), w.say("report.column.weight"), w.say("report.column.score"),
                            w.say("report.column.contribution")), aspects);

            roles(pdf, card, w);

            UnitCard.Previous p = card.previous();
            pdf.heading(w.say("report.change", p == null ? "" : p.year()));
            if (p == null) pdf.text(w.say("report.change.none"));
            else pdf.text(w.say("report.change.line", w.index(p.index(), card.decimals()) + " " + w.band(p.bandCode(), p.bandLabel()),
                    w.index(o.index(), card.decimals()) + " " + w.band(o.bandCode(), o.bandLabel()), w.change(p.change())));

            advice(pdf, card.advice(), card.decimals(), w);

            pdf.heading(w.say("report.indicators"));
            List<List<String>> rows = new ArrayList<>();
            for (UnitCard.IndicatorLine i : o.indicators()) {
                rows.add(List.of(i.code(), i.name(), w.number(i.answer()), w.number(i.weight()), w.number(i.contribution())));
            }
            pdf.table(new float[] {0.09f, 0.55f, 0.12f, 0.11f, 0.13f}, new boolean[] {false, false, true, true, true},
                    List.of(w.say("report.column.code"), w.say("report.column.indicator"), w.say("report.column.answer"),
                            w.say("report.column.weight"), w.say("report.column.contribution")), rows);
            return pdf.finish(w.say("report.made") + " " + w.method(o.methodology()));
        }
    }

    private static void roles(PdfPages pdf, UnitCard card, Words w) {
        if (card.roles().isEmpty()) return;
        pdf.heading(w.say("report.roles"));
        List<List<String>> rows = new ArrayList<>();
        for (AssessmentRole r : AssessmentRole.values()) {
            BigDecimal index = card.roles().get(r);
            if (index != null) rows.add(List.of(w.say("report.role." + r.wire()), w.index(index, card.decimals())));
        }
        pdf.table(new float[] {0.4f, 0.2f}, new boolean[] {false, true}, List.of(w.say("report.column.role"), w.say("report.column.index")), rows);
        if (card.gap() != null) pdf.text(w.say("report.roles.gap", w.signed(card.gap())));
    }

    private static void advice(PdfPages pdf, UnitCard.Advice advice, int decimals, Words w) {
        if (advice == null) return;
        Plan plan = advice.plan();
        if (plan == null) {
            pdf.heading(w.say("report.advice", ""));
            pdf.text(w.say(advice.none()));
            return;
        }
        pdf.heading(w.say("report.advice", w.band(plan.target())));
        if (!plan.reachable() && plan.reason() != null) pdf.text(w.say(plan.reason()));
        for (String line : CardLines.steps(plan, w)) pdf.item(line);
        pdf.text(w.say("report.advice.after", w.index(plan.indexAfter(), decimals), w.band(plan.bandAfter())));
    }

    /** An aspect's name on a chart's axis: at most 40 characters. */
    private static String shortName(String name) {
        if (name == null) return "";
        return name.length() <= 40 ? name : name.substring(0, 39) + "…";
    }
}
