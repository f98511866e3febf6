package id.rapor.report.card;

import id.rapor.api.advice.Plan;
import id.rapor.api.records.AssessmentRole;
import id.rapor.exchange.sheet.SheetWriter;
import id.rapor.report.text.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's report card as an Excel workbook (rapor-exchange's {@link SheetWriter}): the summary as
 * item and value, the aspects, the indicators and the advice, each a worksheet; numbers are
 * numbers, to be worked on, and the headers are in the reader's language.
 */
public final class CardWorkbook {
    private CardWorkbook() {}

    public static byte[] write(UnitCard card, Words w) {
        List<SheetWriter.Table> sheets = new ArrayList<>();
        sheets.add(new SheetWriter.Table(w.say("report.sheet.summary"), List.of(w.say("report.column.item"), w.say("report.column.value")),
                summary(card, w)));
        UnitCard.Official o = card.official();
        if (o != null) {
            List<List<Object>> aspects = new ArrayList<>();
            for (UnitCard.AspectLine a : o.aspects()) aspects.add(nullable(a.id(), a.name(), a.weight(), a.score(), a.contribution()));
            sheets.add(new SheetWriter.Table(w.say("report.sheet.aspects"), List.of("id", w.say("report.column.aspect"), w.say("report.column.weight"),
                    w.say("report.column.score"), w.say("report.column.contribution")), aspects));
            List<List<Object>> indicators = new ArrayList<>();
            for (UnitCard.IndicatorLine i : o.indicators()) {
                indicators.add(nullable(i.id(), i.code(), i.name(), i.aspect(), i.answer(), i.weight(), i.contribution()));
            }
            sheets.add(new SheetWriter.Table(w.say("report.sheet.indicators"), List.of("id", w.say("report.column.code"),
                    w.say("report.column.indicator"), w.say("report.column.aspect"), w.say("report.column.answer"), w.say("report.column.weight"),
                    w.say("report.column.contribution")), indicators));
            if (card.advice() != null) sheets.add(advice(card.advice(), w));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 << 10);
        try {
            SheetWriter.workbook(out, sheets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<List<Object>> summary(UnitCard card, Words w) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(nullable(w.say("report.column.unit"), card.unit().id()));
        rows.add(nullable(w.say("report.column.name"), card.unit().name()));
        rows.add(nullable("family", card.family()));
        rows.add(nullable("year", BigDecimal.valueOf(card.year())));
        UnitCard.Official o = card.official();
        if (o == null) {
            rows.add(nullable(w.say("report.column.index"), w.say("report.empty.card", card.family(), card.year())));
        } else {
            rows.add(nullable(w.say("report.column.index"), o.index()));
            rows.add(nullable(w.say("report.column.band"), o.bandCode()));
            rows.add(nullable(w.say("report.column.band"), o.bandLabel()));
            rows.add(nullable(w.say("report.column.role"), o.role().wire()));
            rows.add(nullable("assessment", BigDecimal.valueOf(o.assessment())));
            rows.add(nullable("methodology", o.methodology().id()));
            rows.add(nullable("version", o.methodology().version()));
            rows.add(nullable("revision", o.methodology().revision() == null ? null : BigDecimal.valueOf(o.methodology().revision())));
        }
        for (AssessmentRole r : AssessmentRole.values()) rows.add(nullable(w.say("report.role." + r.wire()), card.roles().get(r)));
        rows.add(nullable(w.say("report.column.gap"), card.gap()));
        UnitCard.Previous p = card.previous();
        if (p != null) {
            rows.add(nullable("previous.year", BigDecimal.valueOf(p.year())));
            rows.add(nullable("previous.index", p.index()));
            rows.add(nullable("previous.band", p.bandCode()));
            rows.add(nullable("change.points", p.change().points().printed()));
            rows.add(nullable("change.percent", p.change().percent() == null ? null : p.change().percent().printed()));
            rows.add(nullable("change.methodologyChanged", String.valueOf(p.change().methodologyChanged())));
            rows.add(nullable(w.say("report.column.change"), w.change(p.change())));
        }
        return rows;
    }

    private static SheetWriter.Table advice(UnitCard.Advice advice, Words w) {
        List<List<Object>> rows = new ArrayList<>();
        Plan plan = advice.plan();
        if (plan == null) {
            rows.add(nullable(null, null, null, null, null, w.say(advice.none())));
        } else {
            List<String> lines = CardLines.steps(plan, w);
            for (int i = 0; i < plan.steps().size(); i++) {
                Plan.PlanStep s = plan.steps().get(i);
                rows.add(nullable(s.code(), s.from(), s.to(), s.gain(), plan.target() == null ? null : plan.target().getCode(), lines.get(i)));
            }
            rows.add(nullable(null, null, null, null, plan.bandAfter() == null ? null : plan.bandAfter().getCode(),
                    w.say("report.advice.after", w.index(plan.indexAfter(), plan.indexAfter().scale()), w.band(plan.bandAfter()))));
        }
        return new SheetWriter.Table(w.say("report.sheet.advice"), List.of(w.say("report.column.code"), w.say("report.column.answer"), "→",
                "+", w.say("report.column.band"), w.say("report.column.item")), rows);
    }

    /** A row that may hold empty cells (List.of takes no nulls). */
    private static List<Object> nullable(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
